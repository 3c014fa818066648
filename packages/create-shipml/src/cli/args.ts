import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { PackageManager } from '../package-manager.js';

/** Parsed command line. `undefined` means "not given": ask, or take the default with --yes. */
export interface CliArgs {
  dir?: string;
  recipe?: string;
  model?: string;
  pm?: PackageManager;
  /** A shipml checkout whose packages the app depends on (`file:`), instead of the registry's. */
  local?: string;
  install?: boolean;
  git?: boolean;
  yes: boolean;
  dryRun: boolean;
  force: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: pnpm create shipml [dir] [options]

Options:
  --recipe <name>       starter to create (see the list below)
  --model <id>          model to use (default: the recipe's default); for recipes that
                        take hub models, also a Hugging Face repo <owner>/<name>[@revision]
  --pm <pnpm|npm|yarn>  package manager (default: the one running this command)
  --local <checkout>    depend on the @shipml/* packages of a local shipml checkout
                        (file: paths; build them first) instead of published ones
  --no-install          do not install dependencies
  --no-git              do not create a git repository
  --yes, -y             take the default for everything not given
  --dry-run             print the files that would be written, write nothing
  --force               write into a directory that is not empty
  --help, -h            show this help
  --version, -v         show the version`;

const PMS: readonly PackageManager[] = ['pnpm', 'npm', 'yarn'];

/** Parses argv (without node and the script). Throws UsageError on unknown or malformed flags. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        recipe: { type: 'string' },
        model: { type: 'string' },
        pm: { type: 'string' },
        local: { type: 'string' },
        install: { type: 'boolean' },
        'no-install': { type: 'boolean' },
        git: { type: 'boolean' },
        'no-git': { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new UsageError(
      `Expected one directory, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  if (values.pm !== undefined && !PMS.includes(values.pm as PackageManager)) {
    throw new UsageError(`--pm must be one of ${PMS.join(', ')} (got "${values.pm}").`);
  }
  const flag = (on?: boolean, off?: boolean) => (off ? false : on ? true : undefined);
  return {
    dir: positionals[0],
    recipe: values.recipe,
    model: values.model,
    pm: values.pm as PackageManager | undefined,
    local: values.local,
    install: flag(values.install, values['no-install']),
    git: flag(values.git, values['no-git']),
    yes: values.yes ?? false,
    dryRun: values['dry-run'] ?? false,
    force: values.force ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
