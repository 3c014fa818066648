import type { Random } from '@shipml/random';
import { fillPattern, type PlateDrawing, type StyleOptions } from './plate-drawing.js';

/** Towns and their state (UF) codes, as the grey pre-2018 plates print them above the serial. */
const TOWNS = ['SAO PAULO - SP', 'RIO DE JANEIRO - RJ', 'CURITIBA - PR', 'BELO HORIZONTE - MG', 'RECIFE - PE', 'PORTO ALEGRE - RS']; // prettier-ignore

/**
 * A Brazilian plate, about 3:1: the Mercosul style since 2018 (white, a blue band on top with
 * "BRASIL", serial ABC1D23) or the older grey one (town and state on top, serial ABC-1234).
 */
export function brPlate(random: Random, { fonts }: StyleOptions): PlateDrawing {
  const mercosul = random.next() < 0.6;
  const [w, h] = [400, 130];
  const font = random.pick(fonts);
  if (mercosul) {
    const printed = fillPattern('LLLDLDD', random);
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
      `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" rx="8" fill="#f6f6f4" stroke="#222" stroke-width="3"/>` +
      `<rect x="3" y="3" width="${w - 6}" height="28" rx="5" fill="#1d3e9c"/>` +
      `<text x="${w / 2}" y="25" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="20" fill="#fff">BRASIL</text>` +
      `<rect x="${w - 40}" y="8" width="26" height="18" fill="#159447"/>` +
      `<polygon points="${w - 27},10 ${w - 16},17 ${w - 27},24 ${w - 38},17" fill="#f7d117"/>` +
      `<rect x="10" y="8" width="22" height="16" fill="#fff" opacity="0.8"/>` +
      `</svg>`;
    const textBox = { x: 28, y: 40, width: w - 56, height: h - 52 };
    return { printed, region: 'br-mercosul', svg, width: w, height: h, textBox, font, ink: '#111' };
  }
  const printed = fillPattern('LLL-DDDD', random);
  const town = random.pick(TOWNS);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
    `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" rx="6" fill="#b9bcbf" stroke="#333" stroke-width="3"/>` +
    `<text x="${w / 2}" y="27" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="20" fill="#222">${town}</text>` +
    `</svg>`;
  const textBox = { x: 24, y: 38, width: w - 48, height: h - 50 };
  return { printed, region: 'br-old', svg, width: w, height: h, textBox, font, ink: '#151515' };
}
