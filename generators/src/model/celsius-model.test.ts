import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaffoldTemplates } from '../paths.js';
import { buildCelsiusModel, CELSIUS_MODEL_ID } from './celsius-model.js';

describe('the scaffold placeholder model', () => {
  it('is committed exactly as the builder makes it, with a matching models.json entry', () => {
    const bytes = Buffer.from(buildCelsiusModel());
    const committed = readFileSync(`${scaffoldTemplates}/models/${CELSIUS_MODEL_ID}.onnx`);
    expect(committed.equals(bytes)).toBe(true);
    const manifest = JSON.parse(readFileSync(`${scaffoldTemplates}/models.json`, 'utf8'));
    const [file] = manifest.models[0].files;
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(file.size).toBe(bytes.length);
    expect(file.source).toBe(`file:models/${CELSIUS_MODEL_ID}.onnx`);
  });
});
