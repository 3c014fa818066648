import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@shipml/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRecipe } from '../cli/answers.js';
import { findStarter, listStarters } from '../template/starters.js';
import { startersRoot } from './repo.js';
import { hasScript, runCli, runCliOnTty } from './run-cli.js';

const NO_SIDE_EFFECTS = ['--no-install', '--no-git'];
const starters = listStarters(startersRoot);
const minimal = findStarter(starters, 'minimal');
const starterPackage = (name: string) =>
  JSON.parse(readFileSync(join(startersRoot, name, 'package.json'), 'utf8'));

describe('create-shipml binary', () => {
  const dirs: { remove(): void }[] = [];
  const temp = () => {
    const d = makeTempDir('create-shipml-cli-');
    dirs.push(d);
    return d.path;
  };
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  it('prints help with every flag and the recipes it ships', () => {
    const res = runCli(['--help'], temp());
    expect(res.status).toBe(0);
    for (const flag of [
      '--recipe',
      '--model',
      '--pm',
      '--no-install',
      '--no-git',
      '--yes',
      '--dry-run',
      '--force',
    ]) {
      expect(res.stdout).toContain(flag);
    }
    const listed = [...res.stdout.matchAll(/^ {2}([a-z][a-z0-9-]*) +\S/gm)].map((m) => m[1]);
    expect(listed).toEqual(starters.map((s) => s.name));
  });

  it('without a terminal and without the needed flags, exits 1 listing them instead of waiting', () => {
    const cwd = temp();
    const res = runCli([], cwd);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('No terminal to ask in');
    expect(res.stderr).toContain('--recipe <name>');
    expect(res.stderr).toContain('--yes');
    expect(readdirSync(cwd)).toEqual([]);
    expect(runCli(['only-a-dir'], cwd).stderr).toMatch(/--recipe was not given/);
  });

  it('creates a standalone app: published versions, the shipml record, its own README and tests', () => {
    const cwd = temp();
    const res = runCli(['my-app', '--recipe', 'minimal', ...NO_SIDE_EFFECTS], cwd, {
      npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64',
    });
    expect(res.status).toBe(0);
    const app = join(cwd, 'my-app');
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('my-app');
    expect(pkg.dependencies['@shipml/serve']).toMatch(/^\^\d+\.\d+\.\d+/);
    const starter = starterPackage('minimal');
    expect(pkg.dependencies.fastify).toBe(starter.dependencies.fastify);
    expect(JSON.stringify(pkg)).not.toContain('workspace:');
    expect(pkg.shipml).toEqual({
      ...starter.shipml,
      recipe: 'minimal',
      createdWith: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(existsSync(join(app, '.gitignore'))).toBe(true);
    expect(existsSync(join(app, '.npmrc'))).toBe(true);
    expect(existsSync(join(app, '_gitignore'))).toBe(false);
    const readme = readFileSync(join(app, 'README.md'), 'utf8');
    expect(readme).toContain('pnpm dev');
    expect(readme).toContain('pnpm test');
    expect(res.stdout).toMatch(/Next steps:\n\s+cd my-app\n\s+pnpm install\n\s+pnpm dev/);
    expect(existsSync(join(app, 'node_modules'))).toBe(false);
    expect(existsSync(join(app, '.git'))).toBe(false);
  });

  it('speaks the package manager it was run with, or the one --pm names', () => {
    const cwd = temp();
    runCli(['a', '--recipe', 'minimal', ...NO_SIDE_EFFECTS], cwd, {
      npm_config_user_agent: 'npm/10.8.2 node/v20.20.2 linux x64 workspaces/false',
    });
    expect(readFileSync(join(cwd, 'a/README.md'), 'utf8')).toContain('npm run dev');
    const res = runCli(['b', '--recipe', 'minimal', '--pm', 'yarn', ...NO_SIDE_EFFECTS], cwd);
    expect(res.stdout).toMatch(/\n\s+yarn\n\s+yarn dev/);
  });

  it('--yes takes every default: the licence-plate reader when there is one, published versions', () => {
    const cwd = temp();
    const res = runCli(['--yes', ...NO_SIDE_EFFECTS], cwd);
    expect(res.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(cwd, 'shipml-app/package.json'), 'utf8'));
    const recipe = defaultRecipe(starters);
    expect(recipe.name).toBe(
      starters.some((s) => s.name === 'license-plate') ? 'license-plate' : starters[0]!.name,
    );
    expect(pkg.shipml.recipe).toBe(recipe.name);
    expect(pkg.shipml.defaultModel).toBe(recipe.defaultModel);
    const starter = starterPackage(recipe.name);
    for (const field of ['dependencies', 'devDependencies']) {
      expect(Object.keys(pkg[field])).toEqual(Object.keys(starter[field]));
      for (const [dep, range] of Object.entries<string>(pkg[field])) {
        expect(range).toEqual(
          dep.startsWith('@shipml/') ? expect.stringMatching(/^\^\d/) : starter[field][dep],
        );
      }
    }
  });

  it("--local depends on a checkout's packages by file: path, and only outside that checkout", () => {
    const cwd = temp();
    const checkout = join(startersRoot, '..');
    const res = runCli(
      ['local-app', '--recipe', 'minimal', '--local', checkout, ...NO_SIDE_EFFECTS],
      cwd,
    );
    expect(res.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(cwd, 'local-app/package.json'), 'utf8'));
    const linked = Object.entries<string>({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
      ([d]) => d.startsWith('@shipml/'),
    );
    expect(linked.length).toBeGreaterThan(0);
    for (const [dep, range] of linked) {
      const dir = range.replace(/^file:/, '');
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name).toBe(dep);
      expect(pkg.resolutions[dep]).toBe(range);
    }
    // Every public @shipml package of the checkout resolves there, also those the app only gets
    // through another: the packages' workspace: links to each other mean nothing outside it.
    const published = readdirSync(join(checkout, 'packages'))
      .map((dir) => join(checkout, 'packages', dir))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .map((dir) => ({ dir, ...JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
      .filter((p) => p.name.startsWith('@shipml/') && !p.private);
    expect(pkg.resolutions).toEqual(
      Object.fromEntries(published.map((p) => [p.name, `file:${p.dir}`])),
    );
    expect(Object.keys(pkg.resolutions).length).toBeGreaterThan(linked.length);
    const inside = runCli(
      [join(checkout, 'tmp-app'), '--recipe', 'minimal', '--local', checkout],
      cwd,
    );
    expect(inside.status).toBe(1);
    expect(inside.stderr).toMatch(/create the app outside/);
    expect(existsSync(join(checkout, 'tmp-app'))).toBe(false);
  });

  it('--dry-run lists the files and writes nothing', () => {
    const cwd = temp();
    const res = runCli(['dry', '--recipe', 'minimal', '--dry-run'], cwd);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Dry run: would create');
    for (const f of ['package.json', 'models.json', 'README.md', '.gitignore']) {
      expect(res.stdout).toContain(`  ${f}  `);
    }
    expect(res.stdout).toContain('then run: npm install');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('rejects names npm would reject, before writing anything', () => {
    const cwd = temp();
    const res = runCli(['My App', '--recipe', 'minimal', ...NO_SIDE_EFFECTS], cwd);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/"My App" cannot be a package name.*Try "my-app"/);
    expect(runCli(['node_modules', '--yes'], cwd).status).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses a non-empty directory unless --force, and then keeps the files it does not make', () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'app'));
    writeFileSync(join(cwd, 'app/notes.txt'), 'mine');
    const refused = runCli(['app', '--recipe', 'minimal', ...NO_SIDE_EFFECTS], cwd);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not empty \(notes\.txt\).*--force/);
    expect(readdirSync(join(cwd, 'app'))).toEqual(['notes.txt']);
    expect(runCli(['app', '--recipe', 'minimal', '--dry-run'], cwd).status).toBe(1);
    const forced = runCli(['app', '--recipe', 'minimal', '--force', ...NO_SIDE_EFFECTS], cwd);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(cwd, 'app/notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(cwd, 'app/package.json'))).toBe(true);
  });

  it('puts ../x and absolute paths exactly where named, and writes nowhere else', () => {
    const base = temp();
    const cwd = join(base, 'work');
    mkdirSync(cwd);
    const rel = runCli(['../sibling', '--recipe', 'minimal', ...NO_SIDE_EFFECTS], cwd);
    expect(rel.status).toBe(0);
    expect(rel.stdout).toContain('outside the current directory');
    expect(rel.stdout).toMatch(/cd \.\.\/sibling/);
    const abs = join(base, 'abs-app');
    expect(runCli([abs, '--recipe', 'minimal', ...NO_SIDE_EFFECTS], cwd).status).toBe(0);
    expect(readdirSync(base).sort()).toEqual(['abs-app', 'sibling', 'work']);
    expect(readdirSync(cwd)).toEqual([]);
    expect(JSON.parse(readFileSync(join(base, 'sibling/package.json'), 'utf8')).name).toBe(
      'sibling',
    );
    expect(runCli(['/', '--recipe', 'minimal', ...NO_SIDE_EFFECTS], cwd).stderr).toMatch(
      /Refusing/,
    );
  });

  it('names the recipes and models that exist when given unknown ones', () => {
    const cwd = temp();
    expect(runCli(['a', '--recipe', 'nope'], cwd).stderr).toMatch(
      `Unknown recipe "nope". Available: ${starters.map((s) => s.name).join(', ')}.`,
    );
    expect(runCli(['a', '--recipe', 'minimal', '--model', 'gpt-9'], cwd).stderr).toContain(
      `no model "gpt-9". Available: ${minimal.models.map((m) => m.id).join(', ')}.`,
    );
    expect(runCli(['a', '--bogus'], cwd).status).toBe(1);
  });

  it('creates a git repository with one commit unless --no-git', () => {
    const cwd = temp();
    const res = runCli(['g', '--recipe', 'minimal', '--no-install'], cwd, {
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('git: created a git repository with an initial commit');
    expect(existsSync(join(cwd, 'g/.git'))).toBe(true);
  });

  it.skipIf(!hasScript)('asks on a terminal: directory, recipe, install, git', async () => {
    const cwd = temp();
    const RIGHT = '\x1b[C';
    const res = await runCliOnTty(cwd, [
      { after: 'Where should the app go?', keys: 'tty-app\r' },
      { after: 'Which starter?', keys: '\r' }, // Enter keeps the default
      { after: 'Install dependencies', keys: `${RIGHT}\r` }, // No
      { after: 'Create a git repository?', keys: `${RIGHT}\r` }, // No
    ]);
    expect(res.stdout).toContain('Where should the app go?');
    expect(res.stdout).toContain('Which starter?');
    expect(res.stdout).toContain('Created');
    expect(res.status).toBe(0);
    expect(existsSync(join(cwd, 'tty-app/package.json'))).toBe(true);
    expect(existsSync(join(cwd, 'tty-app/node_modules'))).toBe(false);
    expect(existsSync(join(cwd, 'tty-app/.git'))).toBe(false);
  });
});
