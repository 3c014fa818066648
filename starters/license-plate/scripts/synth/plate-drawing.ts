import type { Random } from '@shipml/random';
import type { PlateBlank } from './plate-blanks.js';

/**
 * A plate to draw: the blank plate as SVG, and the text to print into `textBox` (stretched to fill
 * it, as plate fonts are condensed to fit). Text is rendered separately because SVG text sizing
 * differs between renderers.
 */
export interface PlateDrawing {
  /** Printed text, e.g. "AB-123-CD"; the label is this without separators. */
  printed: string;
  region: string;
  svg: string;
  width: number;
  height: number;
  textBox: { x: number; y: number; width: number; height: number };
  font: string;
  ink: string;
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'; // most countries skip I, O, Q on plates
const DIGITS = '0123456789';

/** Fill a pattern: L → letter, D → digit, anything else is kept ("LL-DDD-LL" → "AB-123-CD"). */
export function fillPattern(pattern: string, random: Random): string {
  return [...pattern]
    .map((c) => (c === 'L' ? random.pick([...LETTERS]) : c === 'D' ? random.pick([...DIGITS]) : c))
    .join('');
}

/** Fonts fontconfig finds on a Debian machine with fonts-dejavu (Pango font descriptions). */
export const FONTS = [
  'DejaVu Sans Condensed Bold',
  'DejaVu Sans Mono Bold',
  'DejaVu Sans Bold',
  'DejaVu Serif Condensed Bold',
];

/** How a plate style draws: `hard` adds clutter around US serials; `fonts` are the serial faces. */
export interface StyleOptions {
  hard: boolean;
  /** Pango font descriptions, one picked per plate (default `FONTS`). */
  fonts: readonly string[];
  /** Real blank US plates to print the US serials on, instead of drawing the plates. */
  blanks?: readonly PlateBlank[];
}
