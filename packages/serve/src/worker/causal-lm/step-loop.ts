import type { MessagePort } from 'node:worker_threads';
import { messageOf } from '../../errors.js';
import type { StreamBatch, StreamCommand, StreamEvent } from '../protocol.js';
import { Completion, withDefaults, type StreamParams } from './completion.js';
import type { CausalLm } from './hf-model.js';
import { KvBatch, type KvSource } from './kv-batch.js';
import {
  encodePrompt,
  nextTokens,
  prefill,
  prefillGroups,
  promptRoom,
  type Prefilled,
} from './prompt.js';

type Join = Extract<StreamCommand, { type: 'join' | 'probe' }>;

/** A completion that joins the batch, and where its prompt's cache lies. */
interface Joined {
  c: Completion;
  source: KvSource;
}

/** A joining request with its prompt encoded, waiting for its prefill. */
interface Encoded {
  id: number;
  params: StreamParams;
  tokens: number[];
  truncated: boolean;
}

interface Request {
  completions: Completion[];
  cancelled: boolean;
}

/**
 * Continuous batching for one worker: runs until 'stop', one step at a time. A step
 * 1. takes the commands that arrived meanwhile (joins, cancellations),
 * 2. runs the new prompts (prefill), those of similar lengths together in one model call
 *    (`prefillGroups`), and samples each one's first token,
 * 3. regroups the KV batch when sequences joined or left,
 * 4. runs one decode step for every running sequence at once and samples each one's next token.
 * Events go back on `port` after steps 2 and 4, so a new stream's first token is not held up.
 */
export async function serveStreams(lm: CausalLm, port: MessagePort): Promise<void> {
  const inbox: StreamCommand[] = [];
  let wake: (() => void) | undefined;
  port.on('message', (cmd: StreamCommand) => {
    inbox.push(cmd);
    wake?.();
    wake = undefined;
  });
  const requests = new Map<number, Request>();
  let batch = new KvBatch(lm);
  /** The batch's rows, in order. */
  let rows: Completion[] = [];
  let stopping = false;
  let out: StreamBatch = { events: [], steps: [] };
  const emit = (e: StreamEvent) => out.events.push(e);
  const flush = () => {
    if (out.events.length > 0 || out.steps.length > 0) port.postMessage(out);
    out = { events: [], steps: [] };
  };
  const ended = (id: number, r: Request, c: Completion) => {
    emit({
      id,
      kind: 'end',
      index: c.index,
      finishReason: c.finishReason!,
      generated: c.generated,
    });
    if (r.completions.every((x) => x.finishReason)) {
      requests.delete(id);
      emit({ id, kind: 'done' });
    }
  };
  const cancel = (id: number) => {
    const r = requests.get(id);
    if (!r || r.cancelled) return;
    r.cancelled = true;
    requests.delete(id);
    for (const c of r.completions) {
      if (!c.finishReason)
        emit({
          id,
          kind: 'end',
          index: c.index,
          finishReason: 'cancelled',
          generated: c.generated,
        });
    }
    emit({ id, kind: 'done' });
  };
  /**
   * Drops finished and cancelled rows (the batch's last row moves into a freed one) and
   * appends `joined`: only the moved and joined rows' caches are copied.
   */
  const regroup = (joined: Joined[]) => {
    // From the end: the row that moves into a freed one has already been kept.
    for (let i = rows.length - 1; i >= 0; i--) {
      const c = rows[i]!;
      if (!c.finishReason && requests.has(c.requestId)) continue;
      batch.remove(i);
      rows[i] = rows[rows.length - 1]!;
      rows.pop();
    }
    for (const { c, source } of joined) {
      batch.add(source);
      rows.push(c);
    }
  };

  const failed = (id: number, err: unknown) => {
    requests.delete(id);
    emit({ id, kind: 'error', message: messageOf(err) });
  };
  /** Starts a prefilled request: samples each completion's first token. */
  const start = (
    { id, params, tokens, truncated }: Encoded,
    { logits, source }: Prefilled,
  ): Joined[] => {
    const r: Request = { completions: [], cancelled: false };
    requests.set(id, r);
    emit({ id, kind: 'start', promptTokens: tokens.length, truncated });
    for (let i = 0; i < params.n; i++)
      r.completions.push(new Completion(lm, id, i, params, tokens.length));
    const joined: Joined[] = [];
    for (const c of r.completions) {
      const token = c.next(logits);
      if (token) emit({ id, kind: 'token', index: c.index, token });
      if (c.finishReason) ended(id, r, c);
      else joined.push({ c, source });
    }
    return joined;
  };

  try {
    for (;;) {
      if (inbox.length === 0 && rows.length === 0) {
        if (stopping) break;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const joins: Join[] = [];
      const cancelled = new Set<number>();
      for (const cmd of inbox.splice(0)) {
        if (cmd.type === 'join' || cmd.type === 'probe') joins.push(cmd);
        else if (cmd.type === 'cancel') cancelled.add(cmd.id);
        else stopping = true;
      }
      for (const id of cancelled) cancel(id);
      if (stopping) {
        for (const id of [...requests.keys()]) cancel(id);
        for (const j of joins)
          emit({ id: j.id, kind: 'error', message: 'Server is shutting down' });
        joins.length = 0;
      }
      // A cancel that arrived with its join: the request never starts.
      for (const j of joins) if (cancelled.has(j.id)) emit({ id: j.id, kind: 'done' });
      const joined = await startAll(joins.filter((j) => !cancelled.has(j.id)));
      flush();
      regroup(joined);
      if (rows.length > 0) await decodeStep();
      flush();
    }
  } finally {
    port.close();
  }

  /**
   * Answers probes and starts joins: their prompts run in groups of similar lengths
   * (`prefillGroups`), each group in one model call. Returns the completions that go on.
   */
  async function startAll(joins: Join[]): Promise<Joined[]> {
    const encoded: Encoded[] = [];
    for (const cmd of joins) {
      try {
        if (cmd.type === 'probe') {
          emit({ id: cmd.id, kind: 'probe', result: await nextTokens(lm, cmd.prompt, cmd.topK) });
          emit({ id: cmd.id, kind: 'done' });
        } else {
          const params = withDefaults(cmd.params, lm.defaults);
          const room = promptRoom(lm, params.maxTokens);
          encoded.push({ id: cmd.id, params, ...encodePrompt(lm, cmd.prompt, room) });
        }
      } catch (err) {
        failed(cmd.id, err);
      }
    }
    const joined: Joined[] = [];
    for (const group of prefillGroups(encoded.map((e) => e.tokens.length))) {
      const members = group.map((i) => encoded[i]!);
      let prefilled: Prefilled[];
      try {
        prefilled = await prefill(
          lm,
          members.map((e) => e.tokens),
        );
      } catch (err) {
        for (const e of members) failed(e.id, err);
        continue;
      }
      members.forEach((e, row) => {
        try {
          joined.push(...start(e, prefilled[row]!));
        } catch (err) {
          failed(e.id, err);
        }
      });
    }
    return joined;
  }

  async function decodeStep(): Promise<void> {
    const started = performance.now();
    try {
      const logits = await batch.step(rows.map((c) => c.lastToken));
      out.steps.push({ rows: rows.length, ms: performance.now() - started });
      const vocab = logits.length / rows.length;
      rows.forEach((c, i) => {
        c.length++;
        const r = requests.get(c.requestId);
        if (!r) return; // cancelled while this step ran
        const token = c.next(logits.subarray(i * vocab, (i + 1) * vocab));
        if (token) emit({ id: c.requestId, kind: 'token', index: c.index, token });
        if (c.finishReason) ended(c.requestId, r, c);
      });
    } catch (err) {
      // The step failed for every row: end their requests and start over with an empty batch.
      for (const id of new Set(rows.map((c) => c.requestId))) {
        requests.delete(id);
        emit({ id, kind: 'error', message: messageOf(err) });
      }
      batch = new KvBatch(lm);
      rows = [];
    }
  }
}
