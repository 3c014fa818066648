// Rebuilds the scaffold's placeholder model and its models.json entry (sha256, size):
//   pnpm --filter @shipml/generators build:model
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { buildCelsiusModel, CELSIUS_MODEL_ID } from '../model/celsius-model.js';
import { scaffoldTemplates } from '../paths.js';

const bytes = buildCelsiusModel();
const modelPath = `${scaffoldTemplates}/models/${CELSIUS_MODEL_ID}.onnx`;
writeFileSync(modelPath, bytes);

const sha256 = createHash('sha256').update(bytes).digest('hex');
const manifest = {
  models: [
    {
      id: CELSIUS_MODEL_ID,
      task: 'regression',
      runtime: 'onnx',
      description:
        'Placeholder: a one-layer model, °F = °C × 1.8 + 32. Input celsius FP32 [batch, 1], output fahrenheit FP32 [batch, 1].',
      license: 'MIT',
      files: [
        {
          name: 'model.onnx',
          source: `file:models/${CELSIUS_MODEL_ID}.onnx`,
          sha256,
          size: bytes.length,
          license: 'MIT',
        },
      ],
    },
  ],
};
const manifestPath = `${scaffoldTemplates}/models.json`;
const text = await format(JSON.stringify(manifest), { parser: 'json' });
if (readFileSync(manifestPath, { flag: 'a+' }).toString() !== text)
  writeFileSync(manifestPath, text);
console.log(JSON.stringify({ model: modelPath, sha256, size: bytes.length }));
