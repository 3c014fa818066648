import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { matchesAccept } from './accept.js';
import { DropZone } from './drop-zone.js';
import { ErrorBanner, describeError } from './error-banner.js';
import { formatBytes, formatMs, formatPercent } from './format.js';
import { ImageBoxes, boxToPercent } from './image-boxes.js';
import { overlap, placeLabels, type Rect } from './label-layout.js';
import { RecentList } from './recent-list.js';
import { ResultCard } from './result-card.js';
import { SampleStrip } from './sample-strip.js';
import { Timings } from './timings.js';

const html = (node: React.ReactElement) => renderToStaticMarkup(node);

describe('boxToPercent', () => {
  it('maps pixel boxes to percentages of the image', () => {
    expect(boxToPercent([100, 50, 300, 150], { width: 400, height: 200 })).toEqual({
      left: 25,
      top: 25,
      width: 50,
      height: 50,
    });
  });

  it('orders swapped corners and clamps boxes that stick out of the image', () => {
    expect(boxToPercent([300, 150, 100, 50], { width: 400, height: 200 })).toEqual(
      boxToPercent([100, 50, 300, 150], { width: 400, height: 200 }),
    );
    expect(boxToPercent([-20, -10, 500, 100], { width: 400, height: 200 })).toEqual({
      left: 0,
      top: 0,
      width: 100,
      height: 50,
    });
  });
});

describe('ImageBoxes', () => {
  it('draws one positioned, labelled box per result in the given coordinate space', () => {
    const out = html(
      <ImageBoxes
        src="/car.jpg"
        alt="car"
        coordinateSize={{ width: 1000, height: 500 }}
        boxes={[
          { box: [100, 400, 300, 450], label: 'AB12CDE', tone: 'primary' },
          { box: [600, 20, 700, 70], label: 'XY99' },
        ]}
      />,
    );
    expect(out.match(/data-testid="image-box"/g)).toHaveLength(2);
    expect(out).toContain('left:10%;top:80%;width:20%;height:10%');
    expect(out).toContain('sml-box--primary');
    expect(out).toContain('>AB12CDE</span>');
    // A box near the top edge puts its label below, so the label stays inside the picture.
    expect(out).toMatch(/sml-box--secondary sml-box--label-below/);
  });

  it('draws no boxes before it knows the image size', () => {
    const out = html(<ImageBoxes src="/car.jpg" alt="car" boxes={[{ box: [1, 2, 3, 4] }]} />);
    expect(out).not.toContain('image-box');
    expect(out).toContain('alt="car"');
  });
});

describe('placeLabels', () => {
  const frame = { w: 400, h: 200 };
  const label = { w: 80, h: 20 };
  const at = (spot: { x: number; y: number }): Rect => ({ ...spot, ...label });

  it('puts a label above the top-left of its box when there is room', () => {
    expect(placeLabels([{ x: 100, y: 100, w: 120, h: 40 }], [label], frame)).toEqual([
      { x: 97, y: 76 },
    ]);
  });

  it('keeps labels inside the picture: below a box at the top, left of the right edge', () => {
    const [top, right] = placeLabels(
      [
        { x: 10, y: 2, w: 60, h: 20 },
        { x: 360, y: 120, w: 38, h: 30 },
      ],
      [label, label],
      frame,
    );
    expect(top).toEqual({ x: 7, y: 26 });
    expect(right!.x + label.w).toBeLessThanOrEqual(frame.w);
    expect(right!.y).toBe(96);
  });

  it('never lets labels of neighbouring candidates cover each other or leave the picture', () => {
    // Three candidates on one line near the top-right corner, as a plate split in parts is.
    const boxes = [
      { x: 300, y: 10, w: 90, h: 24 },
      { x: 280, y: 30, w: 90, h: 24 },
      { x: 320, y: 50, w: 70, h: 24 },
    ];
    const spots = placeLabels(boxes, [label, label, label], frame).map(at);
    spots.forEach((a, i) => {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.w).toBeLessThanOrEqual(frame.w);
      expect(a.y + a.h).toBeLessThanOrEqual(frame.h);
      spots.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(0));
    });
  });

  it('starts a label wider than the picture at its left edge', () => {
    expect(placeLabels([{ x: 50, y: 100, w: 20, h: 20 }], [{ w: 500, h: 20 }], frame)).toEqual([
      { x: 0, y: 76 },
    ]);
  });
});

describe('Timings', () => {
  it('shows the total and a legend of the steps in order, without the total', () => {
    const out = html(
      <Timings
        timingsMs={{ decode: 4.2, detect: 51.6, recognize: 20, total: 80 }}
        roundTripMs={95}
      />,
    );
    expect(out).toContain('<strong>80 ms</strong> on the server');
    expect(out).toContain('<strong>95 ms</strong> round trip');
    const legend = [
      ...out.matchAll(/<li>.*?<\/span>([a-z]+) <span class="sml-timings__ms">([^<]+)</g),
    ].map((m) => `${m[1]}=${m[2]}`);
    expect(legend).toEqual(['decode=4.2 ms', 'detect=52 ms', 'recognize=20 ms']);
  });

  it('sums the steps when there is no total', () => {
    expect(html(<Timings timingsMs={{ a: 30, b: 20 }} />)).toContain('<strong>50 ms</strong>');
  });
});

describe('ErrorBanner', () => {
  it('shows the error message and a hint from its HTTP status', () => {
    const err = Object.assign(new Error('Photo is 14.2 MB; the limit is 10 MB'), { status: 413 });
    const out = html(<ErrorBanner error={err} onRetry={() => {}} />);
    expect(out).toContain('role="alert"');
    expect(out).toContain('Photo is 14.2 MB; the limit is 10 MB');
    expect(out).toContain('Try a smaller file.');
    expect(out).toContain('Try again');
    expect(describeError('plain text')).toEqual({ message: 'plain text', hint: undefined });
    expect(describeError({ status: 0 }).hint).toBe('Is the server running?');
  });

  it('adds no hint when the message already says what to do', () => {
    const notImage = Object.assign(
      new Error('The file is not an image (it is text). Send a JPEG, PNG or WebP photo.'),
      { status: 415 },
    );
    expect(describeError(notImage).hint).toBeUndefined();
    const busy = Object.assign(new Error('The server is busy; try again in a moment.'), {
      status: 503,
    });
    expect(describeError(busy).hint).toBeUndefined();
    expect(html(<ErrorBanner error={notImage} />)).not.toContain('sml-error__hint');
    expect(describeError(Object.assign(new Error('Unsupported image'), { status: 415 })).hint).toBe(
      'Try a JPEG, PNG or WebP image.',
    );
  });
});

describe('DropZone', () => {
  it('offers a picker and a rear-camera input with the accept list', () => {
    const out = html(
      <DropZone onFile={() => {}} accept="image/jpeg,image/png" hint="JPEG or PNG" />,
    );
    expect(out).toMatch(
      /<input type="file" accept="image\/jpeg,image\/png" hidden="" data-testid="drop-zone-input"/,
    );
    expect(out).toContain('capture="environment"');
    expect(out).toContain('JPEG or PNG');
    expect(html(<DropZone onFile={() => {}} camera={false} />)).not.toContain('capture=');
  });
});

describe('lists and cards', () => {
  it('RecentList shows an empty state, then items newest first as given', () => {
    expect(html(<RecentList items={[]} emptyText="No plates read yet." />)).toContain(
      'No plates read yet.',
    );
    const out = html(
      <RecentList
        items={[
          { id: '2', title: 'B', meta: '80 ms' },
          { id: '1', title: 'A' },
        ]}
        onSelect={() => {}}
        activeId="1"
      />,
    );
    expect(out.indexOf('>B<')).toBeLessThan(out.indexOf('>A<'));
    expect(out).toContain('sml-recent__item sml-recent__item--active');
  });

  it('SampleStrip renders nothing without samples and marks the active one', () => {
    expect(html(<SampleStrip samples={[]} onSelect={() => {}} />)).toBe('');
    const out = html(
      <SampleStrip
        samples={[
          { id: 'a', src: '/a.jpg', label: 'A' },
          { id: 'b', src: '/b.jpg', label: 'B' },
        ]}
        activeId="b"
        onSelect={() => {}}
      />,
    );
    expect(out.match(/aria-pressed="true"/g)).toHaveLength(1);
    expect(out).toMatch(/aria-pressed="true"><img src="\/b.jpg"/);
  });

  it('ResultCard shows a confidence meter only when given a confidence', () => {
    const out = html(<ResultCard title="AB12CDE" confidence={0.934} primary />);
    expect(out).toContain('aria-valuenow="93"');
    expect(out).toContain('93%');
    expect(html(<ResultCard title="x" />)).not.toContain('role="meter"');
  });
});

describe('helpers', () => {
  it('matches files against accept lists like the browser picker does', () => {
    expect(matchesAccept({ name: 'a.JPG', type: 'image/jpeg' }, 'image/*')).toBe(true);
    expect(matchesAccept({ name: 'a.txt', type: 'text/plain' }, 'image/*')).toBe(false);
    expect(matchesAccept({ name: 'a.heic', type: '' }, 'image/png, .heic')).toBe(true);
    expect(matchesAccept({ name: 'a.gif', type: 'image/gif' }, 'image/png,image/jpeg')).toBe(false);
    expect(matchesAccept({ name: 'x', type: '' }, undefined)).toBe(true);
  });

  it('formats times, fractions and sizes for people', () => {
    expect([formatMs(4.25), formatMs(84.4), formatMs(1234), formatMs(15_000)]).toEqual([
      '4.3 ms',
      '84 ms',
      '1.2 s',
      '15 s',
    ]);
    expect([formatPercent(0.934), formatPercent(0.05), formatPercent(1.2)]).toEqual([
      '93%',
      '5.0%',
      '100%',
    ]);
    expect(
      [500, 2048, 10 * 1024 * 1024, 2.5 * 1024 * 1024].map((bytes) => formatBytes(bytes)),
    ).toEqual(['500 B', '2 KB', '10 MB', '2.5 MB']);
  });
});
