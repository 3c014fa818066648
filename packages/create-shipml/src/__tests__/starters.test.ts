import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipmlVersions } from '../paths.js';
import { DEPENDENCY_FIELDS, type PackageJson } from '../transforms/package-json.js';
import { listStarters } from '../template/starters.js';
import { startersRoot } from './repo.js';

const starters = listStarters(startersRoot).map((s) => ({
  name: s.name,
  pkg: JSON.parse(readFileSync(join(s.dir, 'package.json'), 'utf8')) as PackageJson,
}));

// Third-party versions are the starters' own: nothing else pins them, so this keeps them equal.
describe('starters agree on versions', () => {
  it('every third-party dependency has one range in every starter', () => {
    const ranges = new Map<string, Map<string, string[]>>(); // dep → range → starters
    for (const { name, pkg } of starters) {
      for (const field of DEPENDENCY_FIELDS) {
        for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
          if (range.startsWith('workspace:')) continue;
          const byRange = ranges.get(dep) ?? new Map<string, string[]>();
          byRange.set(range, [...(byRange.get(range) ?? []), name]);
          ranges.set(dep, byRange);
        }
      }
    }
    const drift = [...ranges]
      .filter(([, byRange]) => byRange.size > 1)
      .map(
        ([dep, byRange]) =>
          `${dep}: ${[...byRange].map(([r, s]) => `${r} (${s.join(', ')})`).join(' vs ')}`,
      );
    expect(drift).toEqual([]);
  });

  it('links @shipml packages with workspace: ranges, and only published ones', () => {
    const published = shipmlVersions();
    for (const { name, pkg } of starters) {
      for (const field of DEPENDENCY_FIELDS) {
        for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
          if (!dep.startsWith('@shipml/')) continue;
          expect(range, `${name}: ${dep}`).toMatch(/^workspace:/);
          expect(published[dep], `${name}: ${dep} is not published`).toBeDefined();
        }
      }
    }
  });
});
