import type { Random } from '@shipml/random';

/** A training batch: inputs and next-token targets, int32 [batch·seqLen] (row-major). */
export interface Batch {
  inputs: Int32Array;
  targets: Int32Array;
  batch: number;
  seqLen: number;
}

/** Samples `batch` random windows of `seqLen + 1` tokens; targets are inputs shifted by one. */
export function sampleBatch(
  tokens: ArrayLike<number>,
  rng: Random,
  batch: number,
  seqLen: number,
): Batch {
  if (tokens.length < seqLen + 1)
    throw new RangeError(`need at least ${seqLen + 1} tokens, got ${tokens.length}`);
  const inputs = new Int32Array(batch * seqLen);
  const targets = new Int32Array(batch * seqLen);
  for (let b = 0; b < batch; b++) {
    const start = rng.int(tokens.length - seqLen);
    for (let t = 0; t < seqLen; t++) {
      inputs[b * seqLen + t] = tokens[start + t]!;
      targets[b * seqLen + t] = tokens[start + t + 1]!;
    }
  }
  return { inputs, targets, batch, seqLen };
}

/** Rows [from, to) of a batch (each data-parallel worker takes a slice). */
export function batchRows(b: Batch, from: number, to: number): Batch {
  const n = b.seqLen;
  return {
    inputs: b.inputs.slice(from * n, to * n),
    targets: b.targets.slice(from * n, to * n),
    batch: to - from,
    seqLen: n,
  };
}
