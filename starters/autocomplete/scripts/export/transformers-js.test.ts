import { fileURLToPath } from 'node:url';
import {
  AutoTokenizer,
  env,
  pipeline,
  type TextGenerationPipeline,
} from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrtGpt, type OrtGpt } from '../eval/ort-gpt.js';
import { byteTokenizer, END_OF_TEXT_ID } from '../train/byte-tokenizer.js';

const modelsDir = fileURLToPath(new URL('../../models/', import.meta.url));
const name = 'tiny-gpt';
const prompts = [
  'The whale',
  'Fellow-Citizens of the Senate',
  'It is a way I have of',
  'naïve café ☕',
];

/**
 * An independent client: transformers.js loads the bundled model folder the way an app would,
 * and its greedy output must match this project's own onnxruntime greedy loop.
 */
describe('transformers.js loads the bundled model folder', () => {
  let generator: TextGenerationPipeline;
  let model: OrtGpt;

  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.localModelPath = modelsDir;
    generator = (await pipeline('text-generation', name, {
      dtype: 'fp32',
    })) as TextGenerationPipeline;
    model = await loadOrtGpt(modelsDir + name);
  });
  afterAll(async () => {
    await generator?.dispose();
  });

  it('tokenizes exactly like the byte tokenizer', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(name);
    for (const text of [...prompts, ' two  spaces\n\ttab', 'emoji 🐋 and <|endoftext|> token']) {
      const ids = tokenizer.encode(text);
      const expected = byteTokenizer
        .encode(text.replace('<|endoftext|>', '\u0000'))
        .map((b) => (b === 0 ? END_OF_TEXT_ID : b));
      expect(ids).toEqual(expected);
      expect(tokenizer.decode(ids)).toBe(text);
    }
  });

  it('generates the same greedy continuation as the onnxruntime loop', async () => {
    const distinct = new Set<string>();
    for (const prompt of prompts) {
      const ids = byteTokenizer.encode(prompt);
      const own = await model.greedy(ids, 24, END_OF_TEXT_ID);
      const ownText = byteTokenizer.decode(own.filter((t) => t !== END_OF_TEXT_ID));
      const [out] = (await generator(prompt, { max_new_tokens: 24, do_sample: false })) as {
        generated_text: string;
      }[];
      expect(out!.generated_text).toBe(prompt + ownText);
      distinct.add(ownText);
    }
    expect(distinct.size).toBe(prompts.length);
  });
});
