import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom, type Random } from '@shipml/random';
import sharp from 'sharp';
import { formatLabel, normalisePlate } from '../benchmark-format.js';
import type { FontFile } from './font-file.js';
import type { PlateBlank } from './plate-blanks.js';
import { FONTS, type PlateDrawing } from './plate-drawing.js';
import { drawPlate, type PlateSet } from './plate-styles.js';
import { dimPlate, HARD_FRAMING, hardCamera, withBumperSticker } from './hard-photo.js';
import { addSensorNoise, type Framing, reframe } from './photo-effects.js';
import { addBadges, addFartherCar, drawScene, type PlateSpot } from './scene.js';
import { homography, warpInto } from './warp.js';

/** One generated photo: JPEG bytes, the plate text and its box [x, y, w, h] in pixels. */
export interface SyntheticSample {
  name: string;
  jpeg: Buffer;
  text: string;
  region: string;
  box: [number, number, number, number];
  /** With `traffic`: the text of the farther car's plate, when one was drawn (not labelled). */
  farther?: string;
}

/**
 * The blank plate with its text printed into the text box, as RGBA pixels of the given size.
 * `fontFile`: the file that holds `plate.font`, when fontconfig does not know it.
 */
async function renderPlate(
  plate: PlateDrawing,
  width: number,
  height: number,
  fontFile?: string,
): Promise<Buffer> {
  const { textBox: box } = plate;
  const text = await sharp({
    text: {
      text: `<span foreground="${plate.ink}">${plate.printed}</span>`,
      font: plate.font,
      ...(fontFile ? { fontfile: fontFile } : {}),
      dpi: 400,
      rgba: true,
    },
  })
    .trim()
    .resize(box.width, box.height, { fit: 'fill' })
    .png()
    .toBuffer();
  const full = await sharp(Buffer.from(plate.svg))
    .composite([{ input: text, left: box.x, top: box.y }])
    .png()
    .toBuffer();
  return sharp(full).resize(width, height, { fit: 'fill' }).ensureAlpha().raw().toBuffer();
}

/**
 * Regional sets also hold close-ups (the plate fills much of the photo, as when someone photographs
 * just the plate) and far cars (a plate a few dozen pixels wide). The mixed set keeps its framing.
 */
const REGIONAL_FRAMING: Framing = {
  closeUps: 0.25,
  closeUpWidth: [0.45, 0.8],
  farCars: 0.15,
  farScale: [0.45, 0.7],
  farMinWidth: 56,
};

/** Sensor noise, then blur, exposure and compression; the photo keeps its size (scale 1). */
async function camera(
  canvas: { data: Uint8Array; width: number; height: number },
  random: Random,
): Promise<{ jpeg: Buffer; scale: number }> {
  addSensorNoise(canvas.data, random, [0, 9]);
  const jpeg = await sharp(Buffer.from(canvas.data), {
    raw: { width: canvas.width, height: canvas.height, channels: 3 },
  })
    .blur(random.range(0.3, 1.4))
    .modulate({ brightness: random.range(0.7, 1.2) })
    .jpeg({ quality: random.intBetween(30, 90) })
    .toBuffer();
  return { jpeg, scale: 1 };
}

/** What a set holds and how it is drawn (all optional: a mixed set in the system's fonts). */
export interface SetOptions {
  /** Which plates: `mixed` (EU, UK, US; the default), or one region's styles only. */
  set?: PlateSet;
  /** Harsher photos and more text around the plate (see `hard-photo.ts`). */
  hard?: boolean;
  /** Font files to draw the serials in instead of the system's DejaVu faces. */
  fonts?: FontFile[];
  /** Real blank US plates to print US serials on (see `plate-blanks.ts`). */
  blanks?: PlateBlank[];
  /** A second, farther car with its own plate beside the photographed one (`addFartherCar`). */
  traffic?: boolean;
  /** Model and trim badges on the photographed car's boot lid (`addBadges`). */
  badges?: boolean;
}

/**
 * Warp `plate` onto the photo around `spot`: `size` times the spot's width (0.7–1.1× when not
 * given), a tilt and a perspective squeeze (steeper when `hard`), rendered near its final size so
 * the warp does not alias; `hard` also dims some plates. Returns the plate's corners in the photo
 * and the size used.
 */
async function placePlate(
  canvas: { data: Uint8Array; width: number; height: number },
  plate: PlateDrawing,
  spot: PlateSpot,
  random: Random,
  { hard, fontFile, size }: { hard: boolean; fontFile: string | undefined; size?: number },
): Promise<{ corners: [number, number][]; size: number }> {
  // Where the plate lands: size (near or far car), tilt and a perspective squeeze.
  size ??= random.range(0.7, 1.1);
  const w = spot.width * size;
  const h = (w * plate.height) / plate.width;
  const angle = random.normal(0, hard ? 0.09 : 0.06);
  const yaw = hard ? random.range(-0.3, 0.3) : random.range(-0.15, 0.15); // one side nearer the camera
  const pitch = hard ? random.range(0, 0.2) : 0; // seen from above or below: the far edge narrower
  const jitter = () => random.normal(0, 0.015 * w);
  const local: [number, number][] = [
    [(-w / 2) * (1 - pitch), (-h / 2) * (1 - yaw)],
    [(w / 2) * (1 - pitch), (-h / 2) * (1 + yaw)],
    [w / 2, (h / 2) * (1 + yaw)],
    [-w / 2, (h / 2) * (1 - yaw)],
  ];
  const dst = local.map(([x, y]): [number, number] => [
    spot.cx + x * Math.cos(angle) - y * Math.sin(angle) + jitter(),
    spot.cy + x * Math.sin(angle) + y * Math.cos(angle) + jitter(),
  ]);
  const renderW = Math.max(40, Math.round(w * 1.25));
  const renderH = Math.round((renderW * plate.height) / plate.width);
  const plateRaw = new Uint8Array(await renderPlate(plate, renderW, renderH, fontFile));
  if (hard) dimPlate(plateRaw, random);
  const src: [number, number][] = [[0, 0], [renderW, 0], [renderW, renderH], [0, renderH]]; // prettier-ignore
  warpInto(canvas, { data: plateRaw, width: renderW, height: renderH }, homography(src, dst));
  return { corners: dst, size };
}

/**
 * Draw one photo: a street scene with a car, a regional plate warped onto its bumper (rotation,
 * perspective, distance), then camera damage — blur, noise, exposure and JPEG artefacts. `hard`
 * makes all of that harsher and adds more text around the plate (see `hard-photo.ts`).
 */
export async function generateSample(
  random: Random,
  name: string,
  {
    set = 'mixed',
    hard = false,
    fonts = [],
    blanks,
    traffic = false,
    badges = false,
  }: SetOptions = {},
): Promise<SyntheticSample> {
  const scene = drawScene(random);
  const faces = fonts.length > 0 ? fonts.map((f) => f.description) : FONTS;
  const style = { hard, fonts: faces, ...(blanks ? { blanks } : {}) };
  const fontFile = (p: PlateDrawing) => fonts.find((f) => f.description === p.font)?.file;
  const plate = drawPlate(random, set, style);
  if (hard) reframe(scene, random, HARD_FRAMING);
  else if (set !== 'mixed') reframe(scene, random, REGIONAL_FRAMING);
  const farther = traffic ? addFartherCar(scene, random) : undefined;
  if (badges) addBadges(scene);
  const svg = hard ? withBumperSticker(scene, random) : scene.svg;
  const sceneRaw = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  const canvas = { data: new Uint8Array(sceneRaw), width: scene.width, height: scene.height };
  const placed = await placePlate(canvas, plate, scene.plate, random, { hard, fontFile: fontFile(plate) }); // prettier-ignore
  const dst = placed.corners;
  // The farther car's plate: another of the set's plates, as much smaller as its car (plates
  // are all about one size), not labelled: the photo is of the nearer car.
  const other = farther && drawPlate(random, set, style);
  if (farther && other) {
    await placePlate(canvas, other, farther, random, { hard, fontFile: fontFile(other), size: placed.size }); // prettier-ignore
  }

  const { jpeg, scale } = hard ? await hardCamera(canvas, random) : await camera(canvas, random);
  const xs = dst.map((p) => p[0] * scale);
  const ys = dst.map((p) => p[1] * scale);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  const box: [number, number, number, number] = [
    x,
    y,
    Math.max(...xs) - x,
    Math.max(...ys) - y,
  ].map(Math.round) as [number, number, number, number];
  const text = normalisePlate(plate.printed);
  return { name, jpeg, text, region: plate.region, box, ...(other ? { farther: normalisePlate(other.printed) } : {}) }; // prettier-ignore
}

/**
 * Write `count` photos and their labels (OpenALPR benchmark format) into `dir`, deterministically
 * from `seed` and `options`: synth-0001.jpg + .txt, …
 */
export async function generateSet(
  dir: string,
  count: number,
  seed = 1,
  options: SetOptions = {},
): Promise<SyntheticSample[]> {
  await mkdir(dir, { recursive: true });
  const samples: SyntheticSample[] = [];
  for (let i = 1; i <= count; i++) {
    // One random stream per image, so image k is the same whatever `count` is. A new Box–Muller
    // pair per normal draw: the sets have always been drawn that way, so a seed's images stay.
    const sample = await generateSample(
      createRandom(seed * 100_003 + i, { pairedNormals: false }),
      `synth-${String(i).padStart(4, '0')}`,
      options,
    );
    await writeFile(join(dir, `${sample.name}.jpg`), sample.jpeg);
    await writeFile(
      join(dir, `${sample.name}.txt`),
      formatLabel(`${sample.name}.jpg`, sample.box, sample.text) + '\n',
    );
    samples.push(sample);
  }
  return samples;
}
