import type { TrainProgress } from '../server/pipeline/train-factors.js';

/**
 * Training progress on stderr: `epoch 12/40 [████░░░░] rmse 0.8123 eta 3.1s`.
 * On a terminal the line redraws in place; in a log file one line is written per 10 %.
 */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): (p: TrainProgress) => void {
  const started = performance.now();
  let lastTenth = -1;
  return ({ epoch, epochs, rmse }) => {
    const elapsed = (performance.now() - started) / 1000;
    const eta = (elapsed / epoch) * (epochs - epoch);
    const width = 20;
    const filled = Math.round((epoch / epochs) * width);
    const line = `${label} epoch ${String(epoch).padStart(String(epochs).length)}/${epochs} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] rmse ${rmse.toFixed(4)} eta ${eta.toFixed(1)}s`;
    if (stream.isTTY) {
      stream.write(`\r${line}${epoch === epochs ? '\n' : ''}`);
    } else if (Math.floor((epoch / epochs) * 10) > lastTenth || epoch === epochs) {
      lastTenth = Math.floor((epoch / epochs) * 10);
      stream.write(`${line}\n`);
    }
  };
}
