/**
 * Writes a GPT-2 model folder with seeded random weights (for tests of the serving path):
 *   npx tsx scripts/export/random-model.ts --out <dir> [--layers 1] [--d 32] [--heads 2] [--context 64] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { TINY_GPT } from '../train/gpt-config.js';
import { initWeights } from '../train/weights.js';
import { writeModelFolder } from './model-folder.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    layers: { type: 'string', default: '1' },
    d: { type: 'string', default: '32' },
    heads: { type: 'string', default: '2' },
    context: { type: 'string', default: '64' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.out) {
  console.error(
    'usage: random-model --out <dir> [--layers N] [--d N] [--heads N] [--context N] [--seed N]',
  );
  process.exit(2);
}
const config = {
  ...TINY_GPT,
  nLayer: Number(values.layers),
  nEmbd: Number(values.d),
  nHead: Number(values.heads),
  nPositions: Number(values.context),
};
if (config.nEmbd % config.nHead !== 0) {
  console.error(`--d ${config.nEmbd} must be a multiple of --heads ${config.nHead}`);
  process.exit(2);
}
await writeModelFolder(values.out, config, initWeights(config, Number(values.seed)));
console.log(JSON.stringify({ out: values.out, ...config }));
