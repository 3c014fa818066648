import type { Random } from '@shipml/random';

/** A street scene with a car, and where on the car the plate goes (centre x/y, width in px). */
export interface Scene {
  svg: string;
  width: number;
  height: number;
  plate: { cx: number; cy: number; width: number };
}

const CAR_COLOURS = [
  '#b0b4b8',
  '#1f2a44',
  '#7a1111',
  '#e8e8e8',
  '#2d2d2d',
  '#3f6b3a',
  '#c7a24a',
  '#5a6e8c',
];

/**
 * Sky, buildings, road and the front or back of a car drawn with simple shapes, plus a distractor
 * sign with text (real photos have shop signs, badges and stickers the detector also finds).
 */
export function drawScene(random: Random): Scene {
  const width = random.pick([480, 640, 800, 1024, 1280]);
  const height = Math.round(width * random.range(0.66, 0.78));
  const car = random.pick(CAR_COLOURS);
  // Near cars fill the frame; far ones are small, so their plates are only a few pixels high.
  const carW = width * random.range(0.3, 0.85);
  const carX = random.range(0.05, 0.95) * (width - carW);
  const carH = carW * random.range(0.55, 0.75);
  const carBottom = height * random.range(0.82, 0.97);
  const carTop = carBottom - carH;
  const buildings = Array.from({ length: random.intBetween(2, 6) }, () => {
    const bw = random.range(0.1, 0.3) * width;
    const bx = random.range(-0.1, 1) * width;
    const bh = random.range(0.2, 0.5) * height;
    const shade = random.intBetween(90, 200);
    return `<rect x="${bx}" y="${height * 0.55 - bh}" width="${bw}" height="${bh}" fill="rgb(${shade},${shade - 10},${shade - 20})"/>`;
  }).join('');
  const sign = random.pick(['OPEN 24H', 'CAFE', 'PARKING', 'EXIT', 'SALE 50%', 'TAXI', 'NO 7']);
  const signX = random.range(0.05, 0.7) * width;
  const signY = random.range(0.05, 0.2) * height;
  const lightY = carTop + carH * 0.42;
  const plateWidth = carW * random.range(0.28, 0.4);
  const plateCy = carTop + carH * random.range(0.62, 0.72);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc3e6"/><stop offset="1" stop-color="#e4eef5"/></linearGradient>` +
    `<linearGradient id="body" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${car}"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>${buildings}` +
    `<rect y="${height * 0.55}" width="${width}" height="${height * 0.45}" fill="#5b5d60"/>` +
    `<rect x="${signX}" y="${signY}" width="${sign.length * 16 + 20}" height="36" fill="#263238"/>` +
    `<text x="${signX + 10}" y="${signY + 27}" font-family="DejaVu Sans" font-weight="bold" font-size="24" fill="#ffeb3b">${sign.replace('%', '&#37;')}</text>` +
    // car: roof/windscreen, body, lights, grille, bumper, wheels
    `<path d="M${carX + carW * 0.18},${carTop + carH * 0.35} L${carX + carW * 0.28},${carTop} L${carX + carW * 0.72},${carTop} L${carX + carW * 0.82},${carTop + carH * 0.35} Z" fill="${car}"/>` +
    `<path d="M${carX + carW * 0.24},${carTop + carH * 0.33} L${carX + carW * 0.31},${carTop + carH * 0.06} L${carX + carW * 0.69},${carTop + carH * 0.06} L${carX + carW * 0.76},${carTop + carH * 0.33} Z" fill="#1b2630" opacity="0.85"/>` +
    `<rect x="${carX}" y="${carTop + carH * 0.33}" width="${carW}" height="${carH * 0.55}" rx="${carH * 0.08}" fill="url(#body)"/>` +
    `<ellipse cx="${carX + carW * 0.12}" cy="${lightY}" rx="${carW * 0.07}" ry="${carH * 0.05}" fill="#f5f5dc" stroke="#333"/>` +
    `<ellipse cx="${carX + carW * 0.88}" cy="${lightY}" rx="${carW * 0.07}" ry="${carH * 0.05}" fill="#f5f5dc" stroke="#333"/>` +
    `<rect x="${carX + carW * 0.3}" y="${lightY - carH * 0.05}" width="${carW * 0.4}" height="${carH * 0.1}" rx="6" fill="#222"/>` +
    `<rect x="${carX - carW * 0.01}" y="${plateCy - carH * 0.1}" width="${carW * 1.02}" height="${carH * 0.2}" rx="${carH * 0.05}" fill="#2a2a2a" opacity="0.75"/>` +
    `<rect x="${carX + carW * 0.06}" y="${carBottom - carH * 0.12}" width="${carW * 0.14}" height="${carH * 0.14}" fill="#111"/>` +
    `<rect x="${carX + carW * 0.8}" y="${carBottom - carH * 0.12}" width="${carW * 0.14}" height="${carH * 0.14}" fill="#111"/>` +
    `</svg>`;
  return {
    svg,
    width,
    height,
    plate: {
      cx: carX + carW / 2 + random.range(-0.05, 0.05) * carW,
      cy: plateCy,
      width: plateWidth,
    },
  };
}
