import sharp from 'sharp';

/** How a rendered sample looks. All fields but `plate` have defaults. */
export interface PlateScene {
  /** Text on the plate, spaces as printed: `'AB12 CDE'`. */
  plate: string;
  /** `eu`: white with a blue country band; `uk`: yellow rear plate; `us`: white with a state name. */
  style?: 'eu' | 'uk' | 'us';
  /** Letters in the EU band, or the state name on a US plate. */
  region?: string;
  /** Car body colour (CSS). */
  carColor?: string;
  /** Sky and light. */
  light?: 'day' | 'dusk' | 'overcast';
  /** Tilt of the whole car in degrees, as from a camera held slightly askew. */
  tiltDeg?: number;
  /** Output width in pixels (height is 3/4 of it). Default 960. */
  width?: number;
}

const SKIES = {
  day: ['#bcd7f0', '#e8f1f8', '#8f9aa5'],
  dusk: ['#f3b27a', '#f7d9b5', '#6d6a75'],
  overcast: ['#c4c9cf', '#dfe2e5', '#7c848c'],
} as const;

/**
 * Renders an illustrated car seen from behind, with a readable licence plate, as a JPEG (sharp
 * rasterises the SVG with the system's DejaVu fonts). These are the app's sample images and the
 * tests' uploads: made here, so they are free to redistribute.
 */
export async function renderPlateScene(scene: PlateScene): Promise<Buffer> {
  const width = scene.width ?? 960;
  const height = Math.round((width * 3) / 4);
  return sharp(Buffer.from(plateSceneSvg(scene)))
    .resize(width, height)
    .jpeg({ quality: 86, mozjpeg: true })
    .toBuffer();
}

/** The scene as SVG, drawn on a 960×720 canvas. */
export function plateSceneSvg(scene: PlateScene): string {
  const { style = 'eu', light = 'day', carColor = '#2f4f7f', tiltDeg = 0 } = scene;
  const [skyTop, skyBottom, road] = SKIES[light];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720" viewBox="0 0 960 720">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/>
    </linearGradient>
    <linearGradient id="body" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${carColor}"/><stop offset="1" stop-color="${shade(carColor, -0.35)}"/>
    </linearGradient>
    <linearGradient id="glass" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#4a5663"/><stop offset="1" stop-color="#1d242c"/>
    </linearGradient>
  </defs>
  <rect width="960" height="720" fill="url(#sky)"/>
  <path d="M0 300 L140 250 L260 285 L400 230 L560 280 L700 240 L840 275 L960 245 L960 420 L0 420 Z" fill="${shade(road, 0.25)}" opacity="0.55"/>
  <rect y="410" width="960" height="310" fill="${road}"/>
  <path d="M470 720 L478 420 L482 420 L490 720 Z" fill="#e9e3c9" opacity="0.5"/>
  <ellipse cx="480" cy="640" rx="360" ry="34" fill="#000" opacity="0.35"/>
  <g transform="rotate(${tiltDeg} 480 450)">
    <path d="M250 300 Q270 205 360 195 L600 195 Q690 205 710 300 Z" fill="url(#body)"/>
    <path d="M290 295 Q305 225 370 218 L590 218 Q655 225 670 295 Z" fill="url(#glass)"/>
    <path d="M330 230 L380 225 L350 290 L305 290 Z" fill="#fff" opacity="0.08"/>
    <rect x="150" y="290" width="660" height="300" rx="46" fill="url(#body)"/>
    <rect x="150" y="470" width="660" height="120" rx="40" fill="${shade(carColor, -0.5)}"/>
    <rect x="180" y="330" width="140" height="56" rx="16" fill="#c0262d"/>
    <rect x="640" y="330" width="140" height="56" rx="16" fill="#c0262d"/>
    <rect x="196" y="342" width="60" height="30" rx="8" fill="#ff6b5a" opacity="0.9"/>
    <rect x="704" y="342" width="60" height="30" rx="8" fill="#ff6b5a" opacity="0.9"/>
    <rect x="170" y="590" width="110" height="70" rx="14" fill="#15181c"/>
    <rect x="680" y="590" width="110" height="70" rx="14" fill="#15181c"/>
    <rect x="330" y="405" width="300" height="92" rx="10" fill="${shade(carColor, -0.55)}"/>
    ${plateSvg(scene.plate, style, scene.region)}
  </g>
</svg>`;
}

// A 260×58 plate centred on the car's rear panel.
function plateSvg(text: string, style: 'eu' | 'uk' | 'us', region: string | undefined): string {
  const x = 350;
  const y = 422;
  const w = 260;
  const h = 58;
  const safe = escapeXml(text);
  if (style === 'eu') {
    return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="#f7f7f2" stroke="#1b1b1b" stroke-width="2.5"/>
    <rect x="${x + 2}" y="${y + 2}" width="26" height="${h - 4}" rx="4" fill="#1f4fa8"/>
    <text x="${x + 15}" y="${y + h - 10}" font-family="DejaVu Sans" font-weight="bold" font-size="14" text-anchor="middle" fill="#fff">${escapeXml(region ?? 'D')}</text>
    <text x="${x + 146}" y="${y + 43}" font-family="DejaVu Sans Condensed" font-weight="bold" font-size="38" text-anchor="middle" fill="#111" textLength="${w - 52}" lengthAdjust="spacingAndGlyphs">${safe}</text>`;
  }
  if (style === 'uk') {
    return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="#f6c915" stroke="#1b1b1b" stroke-width="2.5"/>
    <text x="${x + w / 2}" y="${y + 44}" font-family="DejaVu Sans Condensed" font-weight="bold" font-size="40" text-anchor="middle" fill="#111" textLength="${w - 28}" lengthAdjust="spacingAndGlyphs">${safe}</text>`;
  }
  return `<rect x="${x}" y="${y}" width="${w}" height="${h + 8}" rx="10" fill="#f4f6fb" stroke="#23324d" stroke-width="2.5"/>
    <text x="${x + w / 2}" y="${y + 15}" font-family="DejaVu Sans" font-weight="bold" font-size="12" letter-spacing="3" text-anchor="middle" fill="#b3262d">${escapeXml((region ?? 'California').toUpperCase())}</text>
    <text x="${x + w / 2}" y="${y + 56}" font-family="DejaVu Sans Condensed" font-weight="bold" font-size="38" text-anchor="middle" fill="#1d2f5c" textLength="${w - 40}" lengthAdjust="spacingAndGlyphs">${safe}</text>`;
}

// Lighten (amount > 0) or darken (amount < 0) a #rrggbb colour.
function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (n >> shift) & 255;
    const v = amount < 0 ? c * (1 + amount) : c + (255 - c) * amount;
    return Math.round(v).toString(16).padStart(2, '0');
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
