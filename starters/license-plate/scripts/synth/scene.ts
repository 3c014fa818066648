import { createRandom, type Random } from '@shipml/random';

/** Where a plate goes: its centre and width in pixels. */
export interface PlateSpot {
  cx: number;
  cy: number;
  width: number;
}

/** A car's outline in the photo: left edge, top (roof), width, height. */
export interface Car {
  x: number;
  top: number;
  width: number;
  height: number;
  colour: string;
}

/** A street scene with a car, and where on the car the plate goes. */
export interface Scene {
  svg: string;
  width: number;
  height: number;
  car: Car;
  plate: PlateSpot;
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
  const plateWidth = carW * random.range(0.28, 0.4);
  const plateCy = carTop + carH * random.range(0.62, 0.72);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc3e6"/><stop offset="1" stop-color="#e4eef5"/></linearGradient>` +
    `${bodyShade('body', car)}</defs>` +
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>${buildings}` +
    `<rect y="${height * 0.55}" width="${width}" height="${height * 0.45}" fill="#5b5d60"/>` +
    `<rect x="${signX}" y="${signY}" width="${sign.length * 16 + 20}" height="36" fill="#263238"/>` +
    `<text x="${signX + 10}" y="${signY + 27}" font-family="DejaVu Sans" font-weight="bold" font-size="24" fill="#ffeb3b">${sign.replace('%', '&#37;')}</text>` +
    carSvg({ x: carX, top: carTop, width: carW, height: carH, colour: car }, plateCy, 'body') +
    `</svg>`;
  return {
    svg,
    width,
    height,
    car: { x: carX, top: carTop, width: carW, height: carH, colour: car },
    plate: {
      cx: carX + carW / 2 + random.range(-0.05, 0.05) * carW,
      cy: plateCy,
      width: plateWidth,
    },
  };
}

/** The body's shading: its colour at the top, darker towards the bottom (an SVG gradient). */
function bodyShade(id: string, colour: string): string {
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colour}"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/></linearGradient>`;
}

/**
 * A car drawn with simple shapes — roof and windscreen, body (filled with the gradient `shade`),
 * lights, grille, the bumper band the plate sits on (at `plateCy`), wheels — as an SVG group.
 */
function carSvg(
  { x, top, width: w, height: h, colour }: Car,
  plateCy: number,
  shade: string,
): string {
  const lightY = top + h * 0.42;
  const bottom = top + h;
  return (
    `<g class="car">` +
    `<path d="M${x + w * 0.18},${top + h * 0.35} L${x + w * 0.28},${top} L${x + w * 0.72},${top} L${x + w * 0.82},${top + h * 0.35} Z" fill="${colour}"/>` +
    `<path d="M${x + w * 0.24},${top + h * 0.33} L${x + w * 0.31},${top + h * 0.06} L${x + w * 0.69},${top + h * 0.06} L${x + w * 0.76},${top + h * 0.33} Z" fill="#1b2630" opacity="0.85"/>` +
    `<rect x="${x}" y="${top + h * 0.33}" width="${w}" height="${h * 0.55}" rx="${h * 0.08}" fill="url(#${shade})"/>` +
    `<ellipse cx="${x + w * 0.12}" cy="${lightY}" rx="${w * 0.07}" ry="${h * 0.05}" fill="#f5f5dc" stroke="#333"/>` +
    `<ellipse cx="${x + w * 0.88}" cy="${lightY}" rx="${w * 0.07}" ry="${h * 0.05}" fill="#f5f5dc" stroke="#333"/>` +
    `<rect x="${x + w * 0.3}" y="${lightY - h * 0.05}" width="${w * 0.4}" height="${h * 0.1}" rx="6" fill="#222"/>` +
    `<rect x="${x - w * 0.01}" y="${plateCy - h * 0.1}" width="${w * 1.02}" height="${h * 0.2}" rx="${h * 0.05}" fill="#2a2a2a" opacity="0.75"/>` +
    `<rect x="${x + w * 0.06}" y="${bottom - h * 0.12}" width="${w * 0.14}" height="${h * 0.14}" fill="#111"/>` +
    `<rect x="${x + w * 0.8}" y="${bottom - h * 0.12}" width="${w * 0.14}" height="${h * 0.14}" fill="#111"/>` +
    `</g>`
  );
}

/**
 * `--traffic`: a second car farther down the road, beside the photographed one and partly behind
 * it — 45–75% of its size, a little higher in the frame, perhaps running off the photo's edge —
 * drawn into the scene, with where its plate goes. Undefined for a close-up, and when its plate
 * would not be in the photo.
 */
export function addFartherCar(scene: Scene, random: Random): PlateSpot | undefined {
  const { car, plate } = scene;
  // A close-up (`reframe`) shows the plate, not the street.
  if (plate.width > 0.45 * car.width) return undefined;
  const ratio = random.range(0.45, 0.75);
  const w = car.width * ratio;
  const h = car.height * ratio;
  // Mostly on the side with more room.
  const roomier = car.x > scene.width - car.x - car.width ? 0.8 : 0.2;
  const onLeft = random.next() < roomier;
  // Up to a quarter of it hidden behind the photographed car.
  const x = onLeft ? car.x - w * random.range(0.75, 1.1) : car.x + car.width - w * random.range(0, 0.25); // prettier-ignore
  const bottom = car.top + car.height - car.height * random.range(0.08, 0.2);
  const top = bottom - h;
  const spot = {
    cx: x + w / 2,
    cy: top + h * random.range(0.62, 0.72),
    width: plate.width * ratio,
  };
  // The car may run off the photo's edge, its plate may not.
  const inFrame = spot.cx - spot.width * 0.7 > 0 && spot.cx + spot.width * 0.7 < scene.width;
  if (!inFrame || top < scene.height * 0.2) return undefined;
  const far: Car = { x, top, width: w, height: h, colour: random.pick(CAR_COLOURS) };
  // Behind the photographed car: drawn just before it.
  const drawn = `<defs>${bodyShade('far-body', far.colour)}</defs>` + carSvg(far, spot.cy, 'far-body'); // prettier-ignore
  const at = scene.svg.indexOf('<g class="car">');
  scene.svg = scene.svg.slice(0, at) + drawn + scene.svg.slice(at);
  return spot;
}

/**
 * Badges cars carry on the boot lid: makes' model names and trims, some of them words, some
 * mixing letters and digits like a serial.
 */
const BADGES = ['RAV4', 'F150', 'CRV', 'ES350', 'C300', '328I', 'CX5', '4MATIC', 'HYBRID', 'AWD', 'LIMITED', 'SPORT', 'V6', 'XLE', 'EXL', 'GT', 'TDI', 'RX350', 'Q5', 'A4', '2.0T', 'SE', 'CAMRY', 'ACCORD', 'CIVIC', 'ALTIMA', 'SILVERADO', 'WRANGLER']; // prettier-ignore

/**
 * `--badges`: the photographed car's model and trim badges on its boot lid, above the plate and
 * to one side or both: chrome letters about half as tall as the serial. They come from a random
 * stream of their own (seeded by where the plate is), so a seed draws the same photos as without
 * badges, badges added.
 */
export function addBadges(scene: Scene): void {
  const { cx, cy, width } = scene.plate;
  const random = createRandom(Math.round(cx * 1000 + cy));
  const sides = random.next() < 0.5 ? [-1, 1] : [random.next() < 0.5 ? -1 : 1];
  const badges = sides.map((side) => {
    const h = width * random.range(0.08, 0.14); // a plate is 12 in wide, badge letters 1–1.7 in tall
    const text = random.pick(BADGES);
    const x = cx + side * width * random.range(0.75, 1.2);
    const y = cy - width * random.range(0.3, 0.55);
    return `<text x="${x}" y="${y}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${h * 1.35}" fill="#e6e6e6" stroke="#222" stroke-width="${h * 0.05}">${text}</text>`;
  });
  scene.svg = scene.svg.replace('</svg>', `${badges.join('')}</svg>`);
}
