import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TargetNotEmptyError, UnsafePathError } from './errors.js';
import { writeProject } from './write.js';

const file = (path: string, text = 'x') => ({ path, contents: Buffer.from(text) });

describe('writeProject', () => {
  const dirs: { remove(): void }[] = [];
  const temp = () => {
    const d = makeTempDir('create-shipml-write-');
    dirs.push(d);
    return d.path;
  };
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  it('creates the directory and the files in it', () => {
    const target = join(temp(), 'app');
    writeProject(target, [file('a.txt', 'A'), file('deep/b.txt', 'B')]);
    expect(readFileSync(join(target, 'deep/b.txt'), 'utf8')).toBe('B');
  });

  it('refuses a non-empty directory unless forced; a lone .git does not count', () => {
    const target = temp();
    mkdirSync(join(target, '.git'));
    writeProject(target, [file('a.txt')]);
    expect(() => writeProject(target, [file('b.txt')])).toThrow(TargetNotEmptyError);
    writeProject(target, [file('b.txt')], { force: true });
    expect(existsSync(join(target, 'b.txt'))).toBe(true);
  });

  it('never writes outside the target, through .. or an absolute path', () => {
    const parent = temp();
    const target = join(parent, 'app');
    expect(() => writeProject(target, [file('../escape.txt')])).toThrow(UnsafePathError);
    expect(() => writeProject(join(parent, 'b'), [file(join(parent, 'abs.txt'))])).toThrow(
      UnsafePathError,
    );
    expect(existsSync(join(parent, 'escape.txt'))).toBe(false);
    expect(existsSync(join(parent, 'abs.txt'))).toBe(false);
  });

  it('does not follow a symlink inside the target to somewhere else', () => {
    const parent = temp();
    const outside = join(parent, 'outside');
    const target = join(parent, 'app');
    mkdirSync(outside);
    mkdirSync(target);
    symlinkSync(outside, join(target, 'web'));
    writeFileSync(join(target, 'keep.txt'), '');
    expect(() => writeProject(target, [file('web/index.html')], { force: true })).toThrow(
      UnsafePathError,
    );
    expect(existsSync(join(outside, 'index.html'))).toBe(false);
  });
});
