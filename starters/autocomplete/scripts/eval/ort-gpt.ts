import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { fromHfConfig } from '../export/hf-config.js';
import type { GptConfig } from '../train/gpt-config.js';
import { readFile } from 'node:fs/promises';

/** One decoder call's inputs; rows are already left-padded to one length. */
export interface GptStep {
  /** [batch][seq] token ids. */
  inputIds: number[][];
  /** [batch][past + seq]: 1 = real token, 0 = padding. */
  attentionMask: number[][];
  /** [batch][seq] positions (0 for the first real token of a row). */
  positionIds: number[][];
  /** `present.*` tensors of the previous call; omitted on the first call. */
  past?: Record<string, ort.Tensor>;
}

/** A loaded model folder run with onnxruntime-node (the same file the server loads). */
export interface OrtGpt {
  config: GptConfig;
  /** Returns logits [batch, seq, vocab] and the updated cache (feed it back as `past`). */
  run(step: GptStep): Promise<{ logits: ort.Tensor; present: Record<string, ort.Tensor> }>;
  /** Greedy decoding with the KV cache: up to `maxNewTokens` ids, stopping after `stopId`. */
  greedy(promptIds: number[], maxNewTokens: number, stopId?: number): Promise<number[]>;
}

const i64 = (rows: number[][]) =>
  new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [
    rows.length,
    rows[0]?.length ?? 0,
  ]);

/** Loads `<dir>/onnx/model.onnx` and `<dir>/config.json`. */
export async function loadOrtGpt(dir: string): Promise<OrtGpt> {
  const config = fromHfConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
  const session = await ort.InferenceSession.create(join(dir, 'onnx', 'model.onnx'), {
    intraOpNumThreads: 1,
  });
  const hs = config.nEmbd / config.nHead;

  const run: OrtGpt['run'] = async (step) => {
    const batch = step.inputIds.length;
    const feeds: Record<string, ort.Tensor> = {
      input_ids: i64(step.inputIds),
      attention_mask: i64(step.attentionMask),
      position_ids: i64(step.positionIds),
    };
    for (let i = 0; i < config.nLayer; i++) {
      for (const kind of ['key', 'value']) {
        feeds[`past_key_values.${i}.${kind}`] =
          step.past?.[`present.${i}.${kind}`] ??
          new ort.Tensor('float32', new Float32Array(0), [batch, config.nHead, 0, hs]);
      }
    }
    const out = await session.run(feeds);
    const present = Object.fromEntries(
      Object.entries(out).filter(([k]) => k.startsWith('present.')),
    );
    return { logits: out.logits!, present };
  };

  const greedy: OrtGpt['greedy'] = async (promptIds, maxNewTokens, stopId) => {
    const out: number[] = [];
    let ids = promptIds;
    let past: Record<string, ort.Tensor> | undefined;
    let length = 0;
    for (let n = 0; n < maxNewTokens; n++) {
      const positionIds = ids.map((_, i) => length + i);
      length += ids.length;
      const r = await run({
        inputIds: [ids],
        attentionMask: [new Array(length).fill(1)],
        positionIds: [positionIds],
        past,
      });
      const v = config.vocabSize;
      const last = (r.logits.data as Float32Array).subarray((ids.length - 1) * v, ids.length * v);
      let best = 0;
      for (let t = 1; t < v; t++) if (last[t]! > last[best]!) best = t;
      out.push(best);
      if (best === stopId || length >= config.nPositions) break;
      ids = [best];
      past = r.present;
    }
    return out;
  };
  return { config, run, greedy };
}
