import type { PlateScene } from './plate-scene.js';

/** One sample the web app offers to click. */
export interface SampleSpec extends PlateScene {
  id: string;
  /** Caption under the thumbnail. */
  label: string;
}

/** The samples, rendered on first request (see routes/samples.ts). */
export const SAMPLES: SampleSpec[] = [
  {
    id: 'eu-berlin',
    label: 'German plate',
    plate: 'B MW 2024',
    style: 'eu',
    region: 'D',
    carColor: '#2f4f7f',
  },
  {
    id: 'uk-dusk',
    label: 'UK, at dusk',
    plate: 'AB12 CDE',
    style: 'uk',
    light: 'dusk',
    carColor: '#8a2b2b',
    tiltDeg: -3,
  },
  {
    id: 'nl-overcast',
    label: 'Dutch, overcast',
    plate: 'GK-512-X',
    style: 'eu',
    region: 'NL',
    light: 'overcast',
    carColor: '#3d6b4f',
    tiltDeg: 2,
  },
  {
    id: 'us-california',
    label: 'Californian',
    plate: '7ABC123',
    style: 'us',
    region: 'California',
    carColor: '#5b5f66',
  },
];
