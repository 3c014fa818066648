import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { eventStream } from './event-stream.js';

/** The pushes of `stream`, each as text, until it ends. */
async function chunks(stream: NodeJS.ReadableStream): Promise<string[]> {
  const out: string[] = [];
  stream.on('data', (c: Buffer) => out.push(c.toString()));
  await once(stream, 'end');
  return out;
}

/** The events in SSE text, parsed. */
function events(text: string): unknown[] {
  return text
    .split('\n\n')
    .filter((e) => e !== '')
    .map((e) => {
      expect(e.startsWith('data: ')).toBe(true);
      return JSON.parse(e.slice('data: '.length));
    });
}

async function* count(n: number) {
  for (let i = 0; i < n; i++) yield { i };
}

async function open(source: AsyncIterator<object>, windowMs: number) {
  return eventStream(source, await source.next(), windowMs);
}

describe('eventStream', () => {
  it('pushes the first event at once, holds the fast ones and pushes them with the end', async () => {
    const out = await chunks(await open(count(20), 60_000));
    expect(out).toHaveLength(2);
    expect(events(out[0]!)).toEqual([{ i: 0 }]);
    expect(events(out.join(''))).toEqual(Array.from({ length: 20 }, (_, i) => ({ i })));
  });

  it('pushes each event at once with a zero window', async () => {
    const out = await chunks(await open(count(5), 0));
    expect(out.map(events)).toEqual([[{ i: 0 }], [{ i: 1 }], [{ i: 2 }], [{ i: 3 }], [{ i: 4 }]]);
  });

  it('pushes held events when the window ends, without waiting for the next one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slowEnd() {
      yield { i: 0 };
      yield { i: 1 }; // within the window: held
      await gate;
      yield { i: 2 };
    }
    const stream = await open(slowEnd(), 20);
    const out: string[] = [];
    stream.on('data', (c: Buffer) => out.push(c.toString()));
    while (out.length < 2) await sleep(5);
    expect(events(out.join(''))).toEqual([{ i: 0 }, { i: 1 }]);
    release();
    await once(stream, 'end');
    expect(events(out.join(''))).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
  });

  it('ends with an error event when the events fail', async () => {
    async function* failing() {
      yield { i: 0 };
      yield { i: 1 };
      throw new Error('the worker died');
    }
    const out = await chunks(await open(failing(), 60_000));
    expect(events(out.join(''))).toEqual([{ i: 0 }, { i: 1 }, { error: 'the worker died' }]);
  });

  it('closes the events when the stream is destroyed (the client left)', async () => {
    let closed = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) {
          yield { i };
          await sleep(1);
        }
      } finally {
        closed = true;
      }
    }
    const stream = await open(endless(), 5);
    await once(stream, 'data');
    stream.destroy();
    await once(stream, 'close');
    expect(closed).toBe(true);
  });
});
