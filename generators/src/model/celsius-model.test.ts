import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_STARTER, startersRoot } from '../paths.js';
import { buildCelsiusModel, CELSIUS_MODEL_ID } from './celsius-model.js';

describe('the placeholder model of the smallest starter', () => {
  it('is committed exactly as the builder makes it, with a matching models.json entry', () => {
    const starter = join(startersRoot, SOURCE_STARTER);
    const manifest = JSON.parse(readFileSync(join(starter, 'models.json'), 'utf8')) as {
      models: { id: string; files: { source: string; sha256: string; size: number }[] }[];
    };
    const [file] = manifest.models.find((m) => m.id === CELSIUS_MODEL_ID)!.files;
    const bytes = Buffer.from(buildCelsiusModel());
    expect(file!.source).toBe(`file:models/${CELSIUS_MODEL_ID}.onnx`);
    expect(readFileSync(join(starter, file!.source.slice('file:'.length))).equals(bytes)).toBe(
      true,
    );
    expect(file!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(file!.size).toBe(bytes.length);
  });
});
