/**
 * Held-out per-token perplexity of the exported model (run by onnxruntime-node, as the server
 * runs it) against a Kneser–Ney byte-bigram fitted on the same training split, on the same tokens.
 *   npx tsx scripts/eval.ts [--model models/tiny-gpt] [--max-tokens N]   (default: all ~600k held-out tokens)
 * Last stdout line: {"perplexity","bigramPerplexity","ratio","tokens", …}.
 */
import { parseArgs } from 'node:util';
import { ByteBigram } from './eval/byte-bigram.js';
import { modelPerplexity } from './eval/model-perplexity.js';
import { loadOrtGpt } from './eval/ort-gpt.js';
import { loadCorpus } from './train/corpus.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'models/tiny-gpt' },
    'max-tokens': { type: 'string' },
  },
});
/**
 * A quicker evaluation on `maxTokens` tokens: evenly spaced 4 KiB chunks of the held-out stream
 * (so every part of the corpus is represented), joined into one stream that both models score.
 */
function evenChunks(tokens: Uint16Array, maxTokens: number, chunk = 4096): Uint16Array {
  if (maxTokens >= tokens.length) return tokens;
  const count = Math.max(1, Math.floor(maxTokens / chunk));
  const step = Math.floor(tokens.length / count);
  const out = new Uint16Array(count * chunk);
  for (let i = 0; i < count; i++) out.set(tokens.subarray(i * step, i * step + chunk), i * chunk);
  return out;
}

const corpus = loadCorpus();
const heldOut = values['max-tokens']
  ? evenChunks(corpus.heldOut, Number(values['max-tokens']))
  : corpus.heldOut;
const model = await loadOrtGpt(values.model);
const bigram = ByteBigram.fit(corpus.train, model.config.vocabSize);
const start = performance.now();
const { perplexity, tokens } = await modelPerplexity(model, heldOut, (done, total) => {
  if (done % 1000 < 16) process.stderr.write(`eval: ${done}/${total} windows\n`);
});
const bigramPerplexity = bigram.perplexity(heldOut);
console.log(
  JSON.stringify({
    perplexity: +perplexity.toFixed(4),
    bigramPerplexity: +bigramPerplexity.toFixed(4),
    ratio: +(perplexity / bigramPerplexity).toFixed(4),
    tokens,
    bitsPerByte: +Math.log2(perplexity).toFixed(4),
    model: values.model,
    seconds: +((performance.now() - start) / 1000).toFixed(1),
  }),
);
