import { TemplateError } from '../errors.js';

const START = '<!-- monorepo:start -->';
const END = '<!-- monorepo:end -->';

/**
 * Transform "monorepo-only lines": drops everything from a line `<!-- monorepo:start -->` to a
 * line `<!-- monorepo:end -->`, both included (text for someone working in the shipml
 * repository, such as `pnpm --filter` commands). A blank line on both sides of a block
 * collapses to one.
 */
export function dropMonorepoLines(text: string): string {
  const out: string[] = [];
  let inside = false;
  let droppedBlock = false;
  for (const [i, line] of text.split('\n').entries()) {
    const marker = line.trim();
    if (marker === START) {
      if (inside) throw new TemplateError(`README.md:${i + 1}: ${START} inside another block.`);
      inside = true;
      continue;
    }
    if (marker === END) {
      if (!inside) throw new TemplateError(`README.md:${i + 1}: ${END} without a start.`);
      inside = false;
      droppedBlock = true;
      continue;
    }
    if (inside) continue;
    if (droppedBlock && line === '' && (out.length === 0 || out[out.length - 1] === '')) {
      droppedBlock = false;
      continue;
    }
    droppedBlock = false;
    out.push(line);
  }
  if (inside) throw new TemplateError(`README.md: ${START} is never closed by ${END}.`);
  return out.join('\n');
}
