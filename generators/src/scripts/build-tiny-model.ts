// Rebuilds the smallest starter's placeholder model, starters/minimal/models/celsius-to-fahrenheit.onnx:
//   pnpm --filter @shipml/generators build:model
// and prints the sha256 and size its models.json entry must carry.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { buildCelsiusModel, CELSIUS_MODEL_ID } from '../model/celsius-model.js';
import { SOURCE_STARTER, startersRoot } from '../paths.js';

const bytes = buildCelsiusModel();
const modelPath = `${startersRoot}/${SOURCE_STARTER}/models/${CELSIUS_MODEL_ID}.onnx`;
writeFileSync(modelPath, bytes);
const sha256 = createHash('sha256').update(bytes).digest('hex');
console.log(JSON.stringify({ model: modelPath, sha256, size: bytes.length }));
