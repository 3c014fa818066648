import { describe, expect, it } from 'vitest';
import { InvalidProjectNameError, UnsafePathError, UsageError } from '../errors.js';
import { parseCliArgs } from './args.js';
import { commandsFor, detectPackageManager } from '../package-manager.js';
import { assertValidProjectName, suggestName } from './project-name.js';
import { resolveTarget } from './target.js';

describe('parseCliArgs', () => {
  it('reads every flag, leaving what was not given undefined', () => {
    expect(
      parseCliArgs([
        'app',
        '--recipe',
        'minimal',
        '--model',
        'm',
        '--pm',
        'yarn',
        '--no-install',
        '--no-git',
        '-y',
        '--dry-run',
        '--force',
      ]),
    ).toEqual({
      dir: 'app',
      recipe: 'minimal',
      model: 'm',
      pm: 'yarn',
      install: false,
      git: false,
      yes: true,
      dryRun: true,
      force: true,
      help: false,
      version: false,
    });
    expect(parseCliArgs([])).toMatchObject({
      dir: undefined,
      recipe: undefined,
      install: undefined,
      git: undefined,
    });
  });

  it('rejects unknown flags, a bad --pm and two directories', () => {
    expect(() => parseCliArgs(['--recipie', 'x'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--pm', 'bun'])).toThrow(/--pm must be one of pnpm, npm, yarn/);
    expect(() => parseCliArgs(['a', 'b'])).toThrow(/one directory/);
  });
});

describe('detectPackageManager', () => {
  it('reads npm_config_user_agent, npm when there is none', () => {
    expect(detectPackageManager('pnpm/10.34.9 npm/? node/v20.20.2 linux x64')).toBe('pnpm');
    expect(detectPackageManager('yarn/1.22.22 npm/? node/v20.20.2 linux x64')).toBe('yarn');
    expect(detectPackageManager('npm/10.8.2 node/v20.20.2 linux x64 workspaces/false')).toBe('npm');
    expect(detectPackageManager(undefined)).toBe('npm');
    expect(commandsFor('npm').run('dev')).toBe('npm run dev');
    expect(commandsFor('yarn').install).toEqual(['yarn']);
  });
});

describe('project names', () => {
  it('follows npm rules and suggests a fix', () => {
    expect(() => assertValidProjectName('my-app')).not.toThrow();
    expect(() => assertValidProjectName('My App')).toThrow(InvalidProjectNameError);
    expect(() => assertValidProjectName('node_modules')).toThrow(/node_modules/);
    expect(() => assertValidProjectName('.hidden')).toThrow(/period/);
    expect(suggestName('My Cool App!')).toBe('my-cool-app');
  });
});

describe('resolveTarget', () => {
  it('handles ., relative, ../ and absolute paths deliberately', () => {
    expect(resolveTarget('/home/u/work', '.')).toMatchObject({
      dir: '/home/u/work',
      name: 'work',
      outsideCwd: false,
    });
    expect(resolveTarget('/home/u/work', 'apps/one')).toMatchObject({
      dir: '/home/u/work/apps/one',
      name: 'one',
      outsideCwd: false,
    });
    expect(resolveTarget('/home/u/work', '../x')).toMatchObject({
      dir: '/home/u/x',
      name: 'x',
      display: '../x',
      outsideCwd: true,
    });
    expect(resolveTarget('/home/u/work', '/srv/app')).toMatchObject({
      dir: '/srv/app',
      display: '/srv/app',
      outsideCwd: true,
    });
  });

  it('refuses the filesystem root, the home directory itself and NUL bytes', () => {
    expect(() => resolveTarget('/home/u', '/')).toThrow(UnsafePathError);
    expect(() => resolveTarget('/home/u/work', '..', '/home/u')).toThrow(UnsafePathError);
    expect(() => resolveTarget('/tmp', 'a\0b')).toThrow(UnsafePathError);
  });
});
