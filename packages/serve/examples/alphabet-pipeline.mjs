// A toy text-generation pipeline: a character tokenizer, a next-token ONNX model
// (`nextTokenModel` from @shipml/test-utils: logits that favour the next letter) and a decoding
// loop with temperature sampling. It runs inside a @shipml/serve worker thread.
//
// Model config: { backend: 'pipeline', path: '<this file>', options: { modelPath, tokenDelayMs?, logPath? } }

import { appendFileSync } from 'node:fs';

/** Token 0 is the end-of-sequence token; 1..26 are the letters. */
export const ALPHABET = '␃abcdefghijklmnopqrstuvwxyz';

const encode = (text) =>
  [...text.toLowerCase()].map((c) => ALPHABET.indexOf(c)).filter((id) => id > 0);

/** Picks a token from logits: argmax at temperature 0, else softmax sampling. */
function sample(logits, temperature) {
  const t = temperature ?? 0;
  const max = Math.max(...logits);
  const weights = logits.map((l) => Math.exp(t > 0 ? (l - max) / t : l - max));
  const total = weights.reduce((a, b) => a + b, 0);
  let id = logits.indexOf(max);
  if (t > 0) {
    let r = Math.random() * total;
    id = weights.findIndex((w) => (r -= w) <= 0);
    if (id < 0) id = logits.length - 1;
  }
  // Log-probability under the (temperature 1) model distribution.
  const z = logits.reduce((a, l) => a + Math.exp(l - max), 0);
  return { id, logprob: logits[id] - max - Math.log(z) };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export default {
  async load(ctx) {
    const { modelPath, tokenDelayMs = 0, logPath } = ctx.options;
    const session = await ctx.loadOnnx(modelPath);
    const vocab = ALPHABET.length;

    /** Logits for the token after `ids`: the model's last position, `[vocab]`. */
    async function nextLogits(ids) {
      const input = {
        datatype: 'INT64',
        shape: [1, ids.length],
        data: BigInt64Array.from(ids, BigInt),
      };
      const { logits } = await session.run({ ids: ctx.toOrt(input) });
      return Array.from(logits.data.subarray((ids.length - 1) * vocab, ids.length * vocab));
    }

    return {
      inputs: [{ name: 'text', datatype: 'BYTES', shape: [-1] }],
      outputs: [{ name: 'next', datatype: 'BYTES', shape: [-1] }],

      // infer: each input string → its next letter.
      async infer({ text }) {
        const next = [];
        for (const s of text.data) {
          const ids = encode(s);
          const { id } = sample(await nextLogits(ids.length ? ids : [0]), 0);
          next.push(ALPHABET[id] === '␃' ? '' : ALPHABET[id]);
        }
        return { next: { datatype: 'BYTES', shape: [next.length], data: next } };
      },

      // generate: yields letters until the end-of-sequence token (or serving stops the loop).
      async *generate({ text, parameters }, signal) {
        const ids = encode(text);
        if (ids.length === 0) ids.push(0);
        while (!signal.aborted) {
          const { id, logprob } = sample(await nextLogits(ids), parameters.temperature);
          if (id === 0) return; // end of sequence
          if (logPath) appendFileSync(logPath, `${ALPHABET[id]}\n`);
          yield { id, text: ALPHABET[id], logprob, special: false };
          ids.push(id);
          if (tokenDelayMs > 0) await sleep(tokenDelayMs);
        }
      },
    };
  },
};
