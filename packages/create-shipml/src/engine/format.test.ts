import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFile, PRETTIER_OPTIONS } from './format.js';

describe('formatFile', () => {
  it('uses the monorepo Prettier config, so starters pass prettier --check', () => {
    const root = JSON.parse(
      readFileSync(new URL('../../../../.prettierrc.json', import.meta.url), 'utf8'),
    );
    expect(PRETTIER_OPTIONS).toEqual(root);
  });

  it('formats code whatever the template indentation, lays package.json out as npm does, and leaves unknown files alone', async () => {
    expect(await formatFile('a.ts', 'const  x = {a:"b"}')).toBe("const x = { a: 'b' };\n");
    expect(await formatFile('.gitignore', 'dist/\n\n\n')).toBe('dist/\n\n\n');
    expect(await formatFile('package.json', '{"name":"x","files":["a","b"]}')).toBe(
      '{\n  "name": "x",\n  "files": [\n    "a",\n    "b"\n  ]\n}\n',
    );
  });
});
