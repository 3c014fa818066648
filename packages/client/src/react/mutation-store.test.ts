import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../__tests__/test-server.js';
import { getJson } from '../api.js';
import { ShipmlApiError } from '../errors.js';
import { MutationStore, type MutationState } from './mutation-store.js';

let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  ({ app, baseUrl } = await startTestServer());
});
afterAll(() => app.close());

const echo = (signal: AbortSignal, value: string, delay = 0) =>
  getJson<{ value: string }>(`${baseUrl}/api/echo/${value}?delay=${delay}`, { signal });

describe('MutationStore', () => {
  it('goes idle → pending → success and notifies subscribers', async () => {
    const store = new MutationStore(echo);
    const seen: MutationState<{ value: string }>['status'][] = [];
    store.subscribe(() => seen.push(store.getState().status));
    const data = await store.run('a');
    expect(data).toEqual({ value: 'a' });
    expect(seen).toEqual(['pending', 'success']);
    expect(store.getState()).toMatchObject({
      status: 'success',
      data: { value: 'a' },
      error: undefined,
    });
    expect(store.getState().durationMs).toBeGreaterThan(0);
  });

  it('lets the latest call win: a slow earlier answer never overwrites a newer one', async () => {
    const store = new MutationStore(echo);
    const slow = store.run('slow', 300);
    const fast = store.run('fast', 0);
    expect(await fast).toEqual({ value: 'fast' });
    expect(await slow).toBeUndefined();
    expect(store.getState().data).toEqual({ value: 'fast' });
  });

  it('keeps the server error and resolves to undefined instead of rejecting', async () => {
    const store = new MutationStore(echo);
    expect(await store.run('fail')).toBeUndefined();
    const { status, error } = store.getState();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(ShipmlApiError);
    expect(error).toMatchObject({ status: 422, message: 'echo failed' });
  });

  it('abort cancels the request and goes back to idle; reset forgets the last result', async () => {
    const store = new MutationStore(echo);
    await store.run('first');
    const pending = store.run('never', 2000);
    expect(store.getState().status).toBe('pending');
    store.abort();
    expect(await pending).toBeUndefined();
    expect(store.getState()).toMatchObject({ status: 'idle', data: undefined, error: undefined });
    await store.run('again');
    store.reset();
    expect(store.getState()).toMatchObject({ status: 'idle', data: undefined });
  });
});
