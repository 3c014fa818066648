import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { ownVersion, shipmlVersions } from '../paths.js';
import {
  transformManifest,
  transformPackageJson,
  transformReadme,
  type CreateRequest,
} from '../template/create-files.js';
import { namesTheApp } from '../transforms/app-name.js';
import { trackedFiles, walkFiles } from '../template/project-files.js';
import { publishedRanges } from '../template/shipml-ranges.js';
import { listStarters } from '../template/starters.js';
import { startersRoot } from './repo.js';
import { runCli } from './run-cli.js';

// The golden check: for every starter, `create-shipml <dir> --recipe <name>` (defaults, pnpm)
// writes the starter's git-tracked files and nothing else; each file is byte for byte the
// starter's, except package.json, README.md and the Kubernetes manifests, which equal their
// named transforms applied to the starter's file. Nothing is generated, so nothing needs regenerating.
describe('golden check: a created app is its starter, through the named transforms', () => {
  const work = makeTempDir('create-shipml-golden-');
  afterAll(() => work.remove());

  for (const starter of listStarters(startersRoot)) {
    it(starter.name, () => {
      const name = `golden-${starter.name}`;
      const res = runCli(
        [name, '--recipe', starter.name, '--pm', 'pnpm', '--no-install', '--no-git'],
        work.path,
      );
      expect(res.stderr).toBe('');
      expect(res.status).toBe(0);
      const app = join(work.path, name);
      const expected = trackedFiles(starter.dir);
      expect(walkFiles(app)).toEqual(expected);

      const req: CreateRequest = {
        starter,
        packageName: name,
        model: starter.defaultModel,
        pm: 'pnpm',
        createdWith: ownVersion(),
        shipmlRange: publishedRanges(shipmlVersions()),
      };
      const transformed: Record<string, (text: string) => string> = {
        'package.json': (text) =>
          transformPackageJson(text, req, readFileSync(join(starter.dir, 'models.json'), 'utf8')),
        'README.md': (text) => transformReadme(text, 'pnpm'),
      };
      for (const file of expected) {
        const source = readFileSync(join(starter.dir, file));
        const written = readFileSync(join(app, file));
        const transform =
          transformed[file] ??
          (namesTheApp(file) ? (t: string) => transformManifest(t, req) : undefined);
        if (transform) expect(written.toString(), file).toBe(transform(source.toString()));
        else
          expect(written.equals(source), `${file} is not the starter's, byte for byte`).toBe(true);
      }
    });
  }
});
