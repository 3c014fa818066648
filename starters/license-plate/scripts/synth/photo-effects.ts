import type { Random } from '@shipml/random';
import type { Scene } from './scene.js';

/** How often a set frames a close-up or a far car, and how big the plate is then. */
export interface Framing {
  /** Share of close-ups (the plate fills much of the photo), and their plate width / photo width. */
  closeUps: number;
  closeUpWidth: [number, number];
  /** Share of far cars, and how much smaller their plate is (never below `farMinWidth` px). */
  farCars: number;
  farScale: [number, number];
  farMinWidth: number;
}

/** Moves and resizes the scene's plate: a close-up, a far car, or (the rest) as drawn. */
export function reframe(scene: Scene, random: Random, f: Framing): void {
  const framing = random.next();
  if (framing < f.closeUps) {
    scene.plate.width = scene.width * random.range(...f.closeUpWidth);
    scene.plate.cx = scene.width * random.range(0.4, 0.6);
    scene.plate.cy = scene.height * random.range(0.35, 0.65);
  } else if (framing < f.closeUps + f.farCars) {
    scene.plate.width = Math.max(f.farMinWidth, scene.plate.width * random.range(...f.farScale));
  }
}

/** Sensor noise: every RGB byte moved by N(0, sd²), sd drawn from `sdRange` once per photo. */
export function addSensorNoise(data: Uint8Array, random: Random, sdRange: [number, number]): void {
  const sd = random.range(...sdRange);
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.max(0, Math.min(255, data[i]! + random.normal(0, sd)));
  }
}
