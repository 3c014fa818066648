import { describe, expect, it } from 'vitest';
import { renameIndexHtml, renameReadme } from './renames.js';

const to = { name: 'demo', title: 'Demo', description: 'A demo.' };

describe('renameReadme', () => {
  it('replaces the H1 and the first paragraph, skipping monorepo markers, and renames the package', () => {
    const text = [
      '# Minimal app',
      '',
      '<!-- monorepo:start -->',
      'Run `pnpm --filter @shipml/starter-minimal dev` in starters/minimal, the `minimal` starter',
      '(`pnpm create shipml --recipe minimal`).',
      '<!-- monorepo:end -->',
      '',
      'The smallest app,',
      'on two lines.',
      '',
      'Second paragraph.',
      '',
    ].join('\n');
    expect(renameReadme(text, 'minimal', to)).toBe(
      [
        '# Demo',
        '',
        '<!-- monorepo:start -->',
        'Run `pnpm --filter @shipml/starter-demo dev` in starters/demo, the `demo` starter',
        '(`pnpm create shipml --recipe demo`).',
        '<!-- monorepo:end -->',
        '',
        'A demo.',
        '',
        'Second paragraph.',
        '',
      ].join('\n'),
    );
  });

  it('adds the description under the H1 when there is no paragraph before the next heading', () => {
    expect(renameReadme('# Old\n\n## Run it\n', 'minimal', to)).toBe(
      '# Demo\n\nA demo.\n\n## Run it\n',
    );
  });
});

describe('renameIndexHtml', () => {
  it('sets the title and the meta description, escaped', () => {
    const html = '<title>Old</title>\n<meta\n  name="description"\n  content="old text"\n/>';
    expect(renameIndexHtml(html, { ...to, title: 'A < B' })).toBe(
      '<title>A &lt; B</title>\n<meta\n  name="description"\n  content="A demo."\n/>',
    );
  });
});
