import { createRandom } from '@shipml/random';
import type { GptConfig } from './gpt-config.js';

/** One named parameter array, row-major; names follow Hugging Face's GPT-2 state dict. */
export interface NamedArray {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** All parameters of a model, in the fixed order of {@link parameterShapes}. */
export type GptWeights = NamedArray[];

/** Names and shapes of every parameter. Linear weights are [in, out] (x @ W), as in GPT-2's Conv1D. */
export function parameterShapes(c: GptConfig): { name: string; shape: number[] }[] {
  const d = c.nEmbd;
  const shapes = [
    { name: 'wte', shape: [c.vocabSize, d] },
    { name: 'wpe', shape: [c.nPositions, d] },
  ];
  for (let i = 0; i < c.nLayer; i++) {
    const h = `h.${i}`;
    shapes.push(
      { name: `${h}.ln_1.weight`, shape: [d] },
      { name: `${h}.ln_1.bias`, shape: [d] },
      { name: `${h}.attn.c_attn.weight`, shape: [d, 3 * d] },
      { name: `${h}.attn.c_attn.bias`, shape: [3 * d] },
      { name: `${h}.attn.c_proj.weight`, shape: [d, d] },
      { name: `${h}.attn.c_proj.bias`, shape: [d] },
      { name: `${h}.ln_2.weight`, shape: [d] },
      { name: `${h}.ln_2.bias`, shape: [d] },
      { name: `${h}.mlp.c_fc.weight`, shape: [d, 4 * d] },
      { name: `${h}.mlp.c_fc.bias`, shape: [4 * d] },
      { name: `${h}.mlp.c_proj.weight`, shape: [4 * d, d] },
      { name: `${h}.mlp.c_proj.bias`, shape: [d] },
    );
  }
  shapes.push({ name: 'ln_f.weight', shape: [d] }, { name: 'ln_f.bias', shape: [d] });
  return shapes;
}

/**
 * GPT-2 initialisation, seeded: weights ~ N(0, 0.02), residual projections scaled by
 * 1/√(2·layers) so the residual stream does not grow with depth, LayerNorm gain 1, biases 0.
 */
export function initWeights(c: GptConfig, seed: number): GptWeights {
  // A new Box–Muller pair per normal: how this initialisation has always drawn, so a seed keeps
  // giving the weights it gave before.
  const rng = createRandom(seed, { pairedNormals: false });
  const residualStd = 0.02 / Math.sqrt(2 * c.nLayer);
  return parameterShapes(c).map(({ name, shape }) => {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (/ln_\w+\.weight$/.test(name)) data.fill(1);
    else if (!name.endsWith('.bias')) {
      const std = name.endsWith('c_proj.weight') ? residualStd : name === 'wpe' ? 0.01 : 0.02;
      for (let i = 0; i < data.length; i++) data[i] = rng.normal() * std;
    }
    return { name, shape, data };
  });
}

/** Total number of scalar parameters. */
export function countParameters(weights: GptWeights): number {
  return weights.reduce((n, w) => n + w.data.length, 0);
}
