import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './__tests__/test-server.js';
import { createClient, type ShipmlClient } from './client.js';
import { readSseEvents } from './sse.js';

let app: FastifyInstance;
let client: ShipmlClient;
let closedStreams: () => number;

beforeAll(async () => {
  let baseUrl: string;
  ({ app, baseUrl, closedStreams } = await startTestServer());
  client = createClient({ baseUrl });
});
afterAll(() => app.close());

interface Token {
  text_output: string;
  index: number;
}

describe('generateStream', () => {
  it('yields every event, joined across multi-line data and split chunks, until [DONE]', async () => {
    const tokens: Token[] = [];
    for await (const t of client.generateStream<Token>('double', { count: 4 })) tokens.push(t);
    expect(tokens).toEqual([0, 1, 2, 3].map((i) => ({ text_output: `tok${i}`, index: i })));
  });

  it('ends with a ShipmlApiError on an error event', async () => {
    const tokens: Token[] = [];
    const run = async () => {
      for await (const t of client.generateStream<Token>('double', { count: 5, failAt: 2 }))
        tokens.push(t);
    };
    await expect(run()).rejects.toMatchObject({
      name: 'ShipmlApiError',
      message: 'generation failed at 2',
    });
    expect(tokens).toHaveLength(2);
  });

  it('closes the connection when the consumer stops early', async () => {
    const before = closedStreams();
    for await (const t of client.generateStream<Token>('double', { count: 1000, delayMs: 10 })) {
      if (t.index === 1) break;
    }
    await expect.poll(() => closedStreams(), { timeout: 5000 }).toBe(before + 1);
  });
});

describe('readSseEvents', () => {
  it('keeps event names and ids and delivers a last event without a trailing blank line', async () => {
    const body = new Blob(['event: progress\nid: 7\ndata: 1\n\ndata: last']).stream();
    const events = [];
    for await (const e of readSseEvents(body)) events.push(e);
    expect(events).toEqual([
      { event: 'progress', data: '1', id: '7' },
      { event: 'message', data: 'last' },
    ]);
  });
});
