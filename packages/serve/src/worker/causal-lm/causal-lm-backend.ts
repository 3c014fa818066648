import type { LoadedModel } from '../backend.js';
import { specsFrom } from '../onnx-backend.js';
import { loadCausalLm } from './hf-model.js';
import { KvBatch } from './kv-batch.js';
import { prefill } from './prompt.js';
import { serveStreams } from './step-loop.js';

/**
 * A KV-cache causal LM from a Hugging Face folder (`config.json`, tokenizer files,
 * `onnx/model.onnx`), served by continuous batching: see `serveStreams`.
 */
export async function loadCausalLmModel(dir: string, threads: number): Promise<LoadedModel> {
  const lm = await loadCausalLm(dir, threads);
  return {
    platform: 'onnx_onnxv1',
    inputs: specsFrom(lm.session.inputMetadata, 'input'),
    outputs: specsFrom(lm.session.outputMetadata, 'output'),
    context: lm.context,
    serveStreams: (port) => serveStreams(lm, port),
    // One prefill and one batched decode step: the kernels the loop uses, initialized.
    async warmup() {
      const { source } = await prefill(lm, [lm.bosId]);
      const batch = new KvBatch(lm);
      batch.rebuild([source, source]);
      await lm.session.run(batch.feeds([lm.bosId, lm.bosId], [1, 1]));
    },
  };
}
