import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One labelled photo of an OpenALPR-style benchmark folder. */
export interface LabelledImage {
  file: string;
  /** Ground-truth plates: box (x, y, width, height in pixels) and normalised text. */
  plates: { box: [number, number, number, number]; text: string }[];
}

/** Upper-case letters and digits only: how plate texts are compared. */
export function normalisePlate(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A label line: `file<TAB>x<TAB>y<TAB>w<TAB>h<TAB>PLATE`. */
export function formatLabel(
  file: string,
  box: [number, number, number, number],
  text: string,
): string {
  return [file, ...box.map(Math.round), text].join('\t');
}

/** Read every `*.jpg` with a `.txt` label beside it, sorted by name. */
export async function readBenchmark(dir: string): Promise<LabelledImage[]> {
  const names = (await readdir(dir)).filter((n) => /\.jpe?g$/i.test(n)).sort();
  const out: LabelledImage[] = [];
  for (const name of names) {
    const labelPath = join(dir, name.replace(/\.jpe?g$/i, '.txt'));
    const label = await readFile(labelPath, 'utf8').catch(() => undefined);
    if (label === undefined) continue;
    const plates = label
      .split(/\r?\n/)
      .map((line) => line.split('\t'))
      .filter((cols) => cols.length >= 6)
      .map((cols) => ({
        box: cols.slice(1, 5).map(Number) as [number, number, number, number],
        text: normalisePlate(cols.slice(5).join(' ')),
      }));
    if (plates.length > 0) out.push({ file: join(dir, name), plates });
  }
  return out;
}
