import type { Random } from '@shipml/random';
import sharp from 'sharp';
import { addSensorNoise, type Framing } from './photo-effects.js';
import type { Scene } from './scene.js';

/**
 * `--hard`: what makes real street photos harder than the plain synthetic ones, drawn from the
 * failures real photos show — small, far plates in low-resolution photos; strong blur, motion and
 * JPEG blocks; steep viewing angles; dark, dirty or washed-out plates; and more text around the
 * plate (bumper stickers, dealer frames, bolts and stickers beside the serial, see `usPlate`).
 * Nothing here is fitted to particular photos: each effect is a random range.
 */

/** Bumper-sticker texts: words and numbers the detector finds next to the plate. */
const STICKERS = ['COEXIST', 'HONK IF YOU LOVE', 'STUDENT DRIVER', '26.2', 'BABY ON BOARD', 'I LOVE MY DOG', 'GO NAVY', 'OBX']; // prettier-ignore

/** Framing for hard sets: mostly mid-distance and far cars, few close-ups. */
export const HARD_FRAMING: Framing = {
  closeUps: 0.1,
  closeUpWidth: [0.35, 0.6],
  farCars: 0.4,
  farScale: [0.4, 0.7],
  farMinWidth: 48,
};

/** Add a bumper sticker with text beside the plate (half the photos) to the scene's SVG. */
export function withBumperSticker(scene: Scene, random: Random): string {
  if (random.next() < 0.5) return scene.svg;
  const { cx, cy, width } = scene.plate;
  const text = random.pick(STICKERS);
  const h = width * random.range(0.12, 0.2);
  const w = Math.max(h * 2.5, text.length * h * 0.55);
  const x = random.next() < 0.5 ? cx - width * 0.6 - w - random.range(0, width * 0.3) : cx + width * 0.6 + random.range(0, width * 0.3); // prettier-ignore
  const y = cy + random.range(-0.3, 0.5) * width * 0.5;
  const [ground, ink] = random.pick([['#fafafa', '#1d2f6f'], ['#1d3e8c', '#fff'], ['#f2c21b', '#111'], ['#111', '#eee']]); // prettier-ignore
  const sticker =
    `<rect x="${x}" y="${y - h / 2}" width="${w}" height="${h}" rx="${h * 0.15}" fill="${ground}"/>` +
    `<text x="${x + w / 2}" y="${y + h * 0.3}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${h * 0.7}" fill="${ink}">${text}</text>`;
  return scene.svg.replace('</svg>', `${sticker}</svg>`);
}

/**
 * A dirty, shadowed or faded plate: its RGBA pixels pulled towards a dark or grey tone, which
 * lowers the contrast between characters and ground (three plates in ten, some strongly).
 */
export function dimPlate(rgba: Uint8Array, random: Random): void {
  if (random.next() < 0.7) return;
  const keep = random.range(0.45, 0.85); // how much of the plate's own contrast survives
  const tone = random.range(30, 140); // the shadow's or the dirt's grey
  for (let i = 0; i < rgba.length; i += 4) {
    for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(rgba[i + c]! * keep + tone * (1 - keep));
  }
}

/**
 * The camera for hard sets: noise, then blur (sometimes motion blur along the road), exposure from
 * dark to bright, a lower resolution (the photo shrunk to 55–100%) and strong JPEG compression.
 * `canvas` is RGB; returns the JPEG and the factor the photo was scaled by.
 */
export async function hardCamera(
  canvas: { data: Uint8Array; width: number; height: number },
  random: Random,
): Promise<{ jpeg: Buffer; scale: number }> {
  addSensorNoise(canvas.data, random, [2, 14]);
  const scale = random.range(0.55, 1);
  let image = sharp(Buffer.from(canvas.data), {
    raw: { width: canvas.width, height: canvas.height, channels: 3 },
  }).blur(random.range(0.4, 2));
  if (random.next() < 0.3) {
    // Horizontal motion blur: a k-wide box in the middle row of a k × 3 kernel (sharp's smallest).
    const k = random.pick([3, 5, 7]);
    const kernel = [...new Array<number>(k).fill(0), ...new Array<number>(k).fill(1), ...new Array<number>(k).fill(0)]; // prettier-ignore
    image = image.convolve({ width: k, height: 3, kernel });
  }
  const jpeg = await image
    .modulate({ brightness: random.range(0.55, 1.2) })
    .linear(random.range(0.6, 1), random.range(0, 40)) // washed-out: less contrast, lifted blacks
    .resize(Math.round(canvas.width * scale), Math.round(canvas.height * scale))
    .jpeg({ quality: random.intBetween(20, 70) })
    .toBuffer();
  return { jpeg, scale };
}
