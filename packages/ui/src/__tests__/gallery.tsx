// Every component on one page, for the browser test and for looking at the design.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  AppShell,
  DropZone,
  ErrorBanner,
  ImageBoxes,
  LatencyBadge,
  RecentList,
  ResultCard,
  SampleStrip,
  Spinner,
  StatusPill,
  Timings,
  useObjectUrl,
} from '../index.js';

// A 400×200 test picture drawn on a canvas: grey road, a white plate at (100,120)-(300,170).
function drawScene(): string {
  const canvas = document.createElement('canvas');
  canvas.width = 400;
  canvas.height = 200;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#6b7280';
  ctx.fillRect(0, 0, 400, 200);
  ctx.fillStyle = '#f8fafc';
  ctx.fillRect(100, 120, 200, 50);
  ctx.fillStyle = '#111827';
  ctx.font = 'bold 32px sans-serif';
  ctx.fillText('AB12 CDE', 118, 157);
  return canvas.toDataURL('image/png');
}
const scene = drawScene();

function Gallery() {
  const [file, setFile] = useState<File | null>(null);
  const [rejected, setRejected] = useState<string>();
  const [width, setWidth] = useState(400);
  const preview = useObjectUrl(file);
  return (
    <AppShell
      title="Component gallery"
      tagline="Every @shipml/ui component"
      actions={<StatusPill tone="ok">Model ready</StatusPill>}
      footer="@shipml/ui"
    >
      <div style={{ display: 'grid', gap: 20 }}>
        <DropZone
          onFile={setFile}
          onReject={setRejected}
          maxBytes={1000}
          hint="PNG, up to 1000 bytes"
        />
        <output id="picked">{file ? `${file.name}:${file.size}` : 'none'}</output>
        <output id="rejected">{rejected ?? ''}</output>
        {preview ? <img id="preview" src={preview} alt="preview" /> : null}
        <div id="boxes-frame" style={{ width }}>
          <ImageBoxes
            src={scene}
            alt="scene"
            boxes={[
              { box: [100, 120, 300, 170], label: 'AB12CDE', tone: 'primary' },
              { box: [20, 10, 80, 30], label: 'other' },
            ]}
          />
        </div>
        <div id="crowded" style={{ width }}>
          <ImageBoxes
            src={scene}
            alt="crowded scene"
            boxes={[
              // A plate read in parts, near the top-right corner: labels must not pile up.
              { box: [300, 6, 394, 30], label: 'AB12CDE', tone: 'primary' },
              { box: [282, 26, 372, 50], label: 'AB12' },
              { box: [318, 44, 398, 66], label: 'CDE' },
              { box: [0, 150, 40, 198], label: 'LEFTEDGE' },
            ]}
          />
        </div>
        <div id="broken">
          <ImageBoxes
            src="data:image/png;base64,bm90IGFuIGltYWdl"
            alt="Photo: fake.jpg"
            boxes={[]}
          />
        </div>
        <button id="shrink" onClick={() => setWidth(224)}>
          shrink
        </button>
        <button id="grow" onClick={() => setWidth(400)}>
          grow
        </button>
        <ResultCard eyebrow="Best match" title="AB12 CDE" confidence={0.93} primary>
          <LatencyBadge ms={84} />
        </ResultCard>
        <ResultCard eyebrow="Also seen" title="XY99" confidence={0.41} />
        <Timings
          timingsMs={{ decode: 6, detect: 48, recognize: 22, rank: 1, total: 78 }}
          roundTripMs={96}
        />
        <SampleStrip
          samples={[
            { id: 'a', src: scene, label: 'UK plate' },
            { id: 'b', src: scene, label: 'Dusk' },
          ]}
          activeId="a"
          onSelect={() => {}}
        />
        <RecentList
          items={[
            {
              id: '1',
              thumbnail: scene,
              title: 'AB12 CDE',
              subtitle: '93% confident',
              meta: '84 ms',
            },
          ]}
          onSelect={() => {}}
        />
        <ErrorBanner
          error={Object.assign(new Error('Photo is 14.2 MB; the limit is 10 MB.'), { status: 413 })}
          onDismiss={() => {}}
        />
        <Spinner />
      </div>
    </AppShell>
  );
}

createRoot(document.getElementById('root')!).render(<Gallery />);
