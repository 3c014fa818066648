import { VOCAB_SIZE } from './byte-tokenizer.js';

/** Shape of a GPT-2-architecture model (names follow Hugging Face's GPT2Config). */
export interface GptConfig {
  vocabSize: number;
  /** Context length: the number of learned position embeddings. */
  nPositions: number;
  /** Width of the residual stream. */
  nEmbd: number;
  nLayer: number;
  nHead: number;
  layerNormEpsilon: number;
}

/** The bundled model: ~842k parameters, 3.4 MB as float32. */
export const TINY_GPT: GptConfig = {
  vocabSize: VOCAB_SIZE,
  nPositions: 128,
  nEmbd: 128,
  nLayer: 4,
  nHead: 4,
  layerNormEpsilon: 1e-5,
};
