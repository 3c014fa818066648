import { describe, expect, it } from 'vitest';
import { outputPath } from './files.js';

describe('outputPath', () => {
  it('strips .hbs and marks the file as a template', () => {
    expect(outputPath('web/index.html.hbs')).toEqual({ path: 'web/index.html', isTemplate: true });
    expect(outputPath('server/app.ts')).toEqual({ path: 'server/app.ts', isTemplate: false });
  });

  it('restores dotfiles npm would drop from a published package', () => {
    expect(outputPath('_gitignore').path).toBe('.gitignore');
    expect(outputPath('sub/_npmrc').path).toBe('sub/.npmrc');
    expect(outputPath('web/_app.tsx').path).toBe('web/_app.tsx');
  });
});
