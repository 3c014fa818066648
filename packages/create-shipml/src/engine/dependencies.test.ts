import { describe, expect, it } from 'vitest';
import { UnpinnedDependencyError } from '../errors.js';
import { dependencyRange } from './dependencies.js';
import { VERSIONS } from './versions.js';

describe('dependencyRange', () => {
  it('links @shipml packages in the monorepo and pins their published version in an app', () => {
    expect(dependencyRange('@shipml/serve', 'workspace')).toBe('workspace:*');
    expect(dependencyRange('@shipml/serve', 'standalone', { '@shipml/serve': '1.4.2' })).toBe(
      '^1.4.2',
    );
  });

  it('takes every other version from the one pinned map, whatever the target', () => {
    expect(dependencyRange('fastify', 'workspace')).toBe(VERSIONS.fastify);
    expect(dependencyRange('fastify', 'standalone')).toBe(VERSIONS.fastify);
  });

  it('refuses a dependency with no pinned version rather than guessing one', () => {
    expect(() => dependencyRange('left-pad', 'workspace')).toThrow(UnpinnedDependencyError);
    expect(() => dependencyRange('@shipml/serve', 'standalone', {})).toThrow(
      /No published version/,
    );
  });
});
