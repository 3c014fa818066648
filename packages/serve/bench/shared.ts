import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The benchmark model: x [batch, 64] → 3072-wide MatMul stack → y [batch, 16] (~7 ms for one row on 2 cores). */
export const MODEL = { inputDim: 64, hiddenDim: 3072, layers: 8, outputDim: 16 } as const;

/** Rows a single request carries (one row each, like an online service). */
export function requestBody(): string {
  const data = Array.from({ length: MODEL.inputDim }, (_, i) => Math.sin(i) / 2);
  return JSON.stringify({
    inputs: [{ name: 'x', datatype: 'FP32', shape: [1, MODEL.inputDim], data }],
  });
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

/** Runs a bench script (TypeScript, via tsx) as a child process. */
export function spawnScript(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): ChildProcess {
  const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
}

/** Collects a child's stdout and parses its last line as JSON once it exits. */
export function lastJson<T>(child: ChildProcess): Promise<T> {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`child exited with ${code}: ${out}`));
      resolve(JSON.parse(line) as T);
    });
  });
}
