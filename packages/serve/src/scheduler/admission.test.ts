import { describe, expect, it } from 'vitest';
import { Admission } from './admission.js';
import { BusyError } from '../errors.js';

// A unit of work the test finishes by hand.
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, work: async () => opened };
}

describe('Admission', () => {
  it('runs up to `concurrency` at once, queues `maxQueue` more and refuses the rest with a 503', async () => {
    const admission = new Admission({ concurrency: 2, maxQueue: 1, retryAfterSeconds: 3 });
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      admission.run(async () => {
        started.push(i);
        await g.work();
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(admission.load).toEqual({ running: 2, waiting: 1 });

    const refused = await admission.run(async () => 'never').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BusyError);
    expect(refused).toMatchObject({ statusCode: 503, headers: { 'retry-after': '3' } });

    gates[0]!.open();
    await expect.poll(() => started).toEqual([0, 1, 2]);
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when work fails', async () => {
    const admission = new Admission({ concurrency: 1, maxQueue: 0 });
    await expect(admission.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await admission.run(async () => 'ok')).toBe('ok');
  });

  it('gives a waiting place back when its client goes away', async () => {
    const admission = new Admission({ concurrency: 1, maxQueue: 1 });
    const first = gate();
    const running = admission.run(first.work);
    const controller = new AbortController();
    const waiting = admission.run(async () => 'never', controller.signal);
    expect(admission.load.waiting).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    expect(admission.load.waiting).toBe(0);
    // The place is free again for someone else.
    const next = admission.run(async () => 'next');
    first.open();
    await running;
    expect(await next).toBe('next');
  });
});

describe('Admission load reports', () => {
  it('reports requests in work plus waiting on every change', async () => {
    const seen: number[] = [];
    const admission = new Admission({ concurrency: 1, maxQueue: 2, onLoad: (n) => seen.push(n) });
    const first = gate();
    const second = gate();
    const a = admission.run(first.work);
    const b = admission.run(second.work);
    first.open();
    await a;
    second.open();
    await b;
    expect(seen).toEqual([1, 2, 1, 0]);
  });
});
