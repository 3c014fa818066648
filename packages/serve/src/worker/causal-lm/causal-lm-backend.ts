import type { LoadedModel } from '../backend.js';
import { specsFrom } from '../onnx-backend.js';
import { loadCausalLm } from './hf-model.js';
import { KvBatch } from './kv-batch.js';
import { isLastKvName } from './last-kv-outputs.js';
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
    // The model's own outputs: not those added for decode steps.
    outputs: specsFrom(
      lm.session.outputMetadata.filter((m) => !isLastKvName(m.name)),
      'output',
    ),
    context: lm.context,
    serveStreams: (port) => serveStreams(lm, port),
    // One prefill and one batched decode step: the kernels the loop uses, initialized.
    async warmup() {
      const { source } = (await prefill(lm, [[lm.bosId]]))[0]!;
      const batch = new KvBatch(lm);
      batch.add(source);
      batch.add(source);
      await batch.step([lm.bosId, lm.bosId]);
    },
  };
}
