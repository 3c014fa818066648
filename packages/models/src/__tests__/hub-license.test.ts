import { join } from 'node:path';
import { serveHubMirror, type HubMirror } from '@shipml/dev/e2e';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeHubModel, type HubModel } from '../describe-hub.js';
import { loadManifest } from '../manifest.js';
import { bytes, commitId } from './helpers.js';
import { runCli } from './run-cli.js';

const OLD = commitId('card v1');
const NEW = commitId('card v2');
const C = commitId('cards');
const onnx = bytes(50_000, 7);
const readme = (front: string) => Buffer.from(`---\n${front}\n---\n\n# The model\n`);
/** A long model card: the front matter, then 200 KiB of prose the reader never needs. */
const longCard = Buffer.concat([readme('license: cc-by-4.0'), Buffer.alloc(200_000, 'text ')]);

describe('the licence of a hub model, from its model card', () => {
  let hub: HubMirror;
  const tmp = makeTempDir('shipml-license-');
  const opts = () => ({ endpoint: hub.url, cacheDir: join(tmp.path, 'cache'), retries: 0 });
  const model = (repo: string, m: Partial<HubModel> = {}): HubModel => ({
    repo,
    files: ['model.onnx'],
    id: repo.split('/')[1]!,
    runtime: 'onnx',
    ...m,
  });
  /** describeHubModel, with the reasons it gives for a missing licence. */
  const lookUp = async (m: HubModel) => {
    const missing: string[] = [];
    const entry = await describeHubModel(m, {
      ...opts(),
      onLicenseMissing: (r) => missing.push(r),
    });
    return { entry, missing };
  };

  beforeAll(async () => {
    const weights = (repo: string, commit = C, refs?: string[]) => ({
      repo,
      path: 'model.onnx',
      data: onnx,
      commit,
      lfs: true,
      ...(refs && { refs }),
    });
    const card = (repo: string, data: Buffer, commit = C, refs?: string[]) => ({
      repo,
      path: 'README.md',
      data,
      commit,
      ...(refs && { refs }),
    });
    hub = await serveHubMirror([
      weights('acme/licensed', OLD, ['v1']),
      card('acme/licensed', readme('license: mit'), OLD, ['v1']),
      weights('acme/licensed', NEW),
      card('acme/licensed', readme('language: en\nlicense: apache-2.0'), NEW),
      weights('acme/dual'),
      card('acme/dual', readme('license:\n  - mit\n  - apache-2.0')),
      weights('acme/research'),
      card('acme/research', readme('license: other\nlicense_name: acme-research')),
      weights('acme/long-card'),
      card('acme/long-card', longCard),
      weights('acme/bare'),
      card('acme/bare', Buffer.from('# A model without front matter\n\nlicense: mit\n')),
      weights('acme/no-card'),
    ]);
  });
  beforeEach(() => void hub.requests.splice(0));
  afterAll(async () => {
    await hub.close();
    tmp.remove();
  });

  it('reads the card at the commit the entry pins, into the entry and each file', async () => {
    const { entry, missing } = await lookUp(model('acme/licensed', { revision: 'v1' }));
    expect(missing).toEqual([]);
    expect(entry.license).toBe('mit');
    expect(entry.files).toEqual([
      expect.objectContaining({ source: `hf:acme/licensed@${OLD}/model.onnx`, license: 'mit' }),
    ]);
    expect(hub.requests.filter((r) => r.url.endsWith('README.md')).map((r) => r.url)).toEqual([
      `/acme/licensed/resolve/${OLD}/README.md`,
      `/acme/licensed/resolve/${OLD}/README.md`,
    ]);
    expect((await lookUp(model('acme/licensed'))).entry.license).toBe('apache-2.0');
  });

  it('joins a list with AND and names an "other" licence', async () => {
    expect((await lookUp(model('acme/dual'))).entry.license).toBe('mit AND apache-2.0');
    expect((await lookUp(model('acme/research'))).entry.license).toBe('other (acme-research)');
  });

  it('fetches only the first 64 KiB of a long card', async () => {
    expect((await lookUp(model('acme/long-card'))).entry.license).toBe('cc-by-4.0');
    const get = hub.requests.find((r) => r.method === 'GET' && r.url.endsWith('README.md'));
    expect(get?.range).toBe('bytes=0-65535');
  });

  it('records no licence, and says why, for a card without one, no card, or a failing hub', async () => {
    const none = async (m: HubModel) => {
      const { entry, missing } = await lookUp(m);
      expect(entry.license).toBeUndefined();
      expect(entry.files.every((f) => f.license === undefined)).toBe(true);
      return missing;
    };
    expect(await none(model('acme/bare'))).toEqual(['README.md has no front matter']);
    expect(await none(model('acme/no-card'))).toEqual(['the repo has no README.md']);
    hub.fail('README.md', { type: 'status', status: 503 });
    const [failed] = await none(model('acme/dual'));
    expect(failed).toMatch(/^README.md could not be read \(.*gave up after 1 attempt.*HTTP 503/);
  });

  it('shipml models add: --license wins; a card without one warns, and the add succeeds', async () => {
    const env = { HF_ENDPOINT: hub.url, SHIPML_CACHE: join(tmp.path, 'cache') };
    const add = (repo: string, ...more: string[]) =>
      runCli(
        ['models', 'add', `hf:${repo}`, '--runtime', 'onnx', '--files', 'model.onnx', ...more],
        env,
        tmp.path,
      );
    const licenses = async () =>
      Object.fromEntries(
        (await loadManifest(join(tmp.path, 'models.json'))).models.map((m) => [m.id, m.license]),
      );

    const read = await add('acme/licensed');
    expect(read.stderr).toBe('');
    expect(read.code).toBe(0);
    expect(read.stdout).toContain(', license apache-2.0');

    const given = await add('acme/dual', '--license', 'MIT');
    expect(given.stderr).toBe('');
    expect(given.code).toBe(0);
    expect(hub.requests.some((r) => r.url.startsWith('/acme/dual/') && r.url.endsWith('.md'))).toBe(
      false,
    );

    const bare = await add('acme/bare');
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe(
      'shipml: warning: no license recorded for acme/bare: README.md has no front matter; look it up on the hub and add it with --license <id> (e.g. --license apache-2.0)\n',
    );
    expect(await licenses()).toEqual({ licensed: 'apache-2.0', dual: 'MIT', bare: undefined });
  });
});
