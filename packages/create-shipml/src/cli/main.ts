import pc from 'picocolors';
import { resolve } from 'node:path';
import { CreateShipmlError, TargetNotEmptyError, UsageError } from '../errors.js';
import { commandsFor, detectPackageManager } from '../package-manager.js';
import { ownVersion, shipmlVersions, templatesRoot } from '../paths.js';
import { createFiles } from '../template/create-files.js';
import { localPackages, localRanges, publishedRanges } from '../template/shipml-ranges.js';
import { listStarters } from '../template/starters.js';
import { existingEntries, isInside, writeProject } from '../write.js';
import { collectAnswers } from './answers.js';
import { pinHubModel } from './hub-model.js';
import { parseCliArgs, USAGE } from './args.js';
import { assertValidProjectName } from './project-name.js';
import { initGit, install } from './side-effects.js';
import { resolveTarget } from './target.js';

/** What the CLI needs from its process; tests pass their own. */
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when both stdin and stdout are terminals: prompts are allowed. */
  interactive: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

/**
 * The whole command, top to bottom: parse → ask what is missing → check the target →
 * pin a hub model if one was chosen → copy the starter through the transforms → write (or list, for --dry-run) → install → git → next steps.
 * Returns the exit code; errors the user can act on are printed, not thrown.
 */
export async function main(argv: string[], ctx: CliContext): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    const recipes = listStarters(templatesRoot);
    if (args.help) {
      ctx.out(
        `${USAGE}\n\nRecipes:\n${recipes.map((r) => `  ${r.name.padEnd(20)} ${r.description}`).join('\n')}`,
      );
      return 0;
    }
    if (args.version) {
      ctx.out(ownVersion());
      return 0;
    }
    if (recipes.length === 0) throw new UsageError('This build of create-shipml has no recipes.');

    const answers = await collectAnswers(args, recipes, {
      interactive: ctx.interactive,
      detectedPm: detectPackageManager(ctx.env.npm_config_user_agent),
      cwd: ctx.cwd,
    });
    const target = resolveTarget(ctx.cwd, answers.dir, ctx.env.HOME);
    assertValidProjectName(target.name);
    const existing = existingEntries(target.dir);
    if (existing.length > 0 && !args.force) {
      throw new TargetNotEmptyError(
        `${target.dir} is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}). ` +
          'Choose another directory, or pass --force to write into it.',
      );
    }

    const local = args.local === undefined ? undefined : resolve(ctx.cwd, args.local);
    if (local && isInside(local, target.dir)) {
      // Inside the checkout, pnpm would treat the app as part of the shipml workspace.
      throw new UsageError(
        `With --local, create the app outside ${local} (for example ../${target.name}).`,
      );
    }
    // A hub repo is looked up (pinned, hashed) before anything is written.
    const hubEntry = await pinHubModel(answers.recipe, answers.model, ctx.env);
    const files = createFiles({
      starter: answers.recipe,
      packageName: target.name,
      model: answers.model,
      ...(hubEntry ? { hubEntry } : {}),
      pm: answers.pm,
      createdWith: ownVersion(),
      shipmlRange: local ? localRanges(local) : publishedRanges(shipmlVersions()),
      ...(local ? { localPackages: localPackages(local) } : {}),
    });
    const where = `${target.dir}${target.outsideCwd ? ' (outside the current directory)' : ''}`;
    const pinned = hubEntry
      ? ` (hub commit ${/@([0-9a-f]{40})\//.exec(hubEntry.files[0]!.source)?.[1]})`
      : '';
    const what = `recipe ${answers.recipe.name}, model ${answers.model}${pinned}${local ? `, @shipml/* from ${local}` : ''}`;
    const cmds = commandsFor(answers.pm);

    if (args.dryRun) {
      ctx.out(`Dry run: would create ${where} (${what}), writing ${files.length} files:`);
      for (const f of files) ctx.out(`  ${f.path}  ${pc.dim(formatSize(f.contents.length))}`);
      if (answers.install) ctx.out(`then run: ${cmds.install.join(' ')}`);
      if (answers.git) ctx.out('then: git init and an initial commit');
      ctx.out('Nothing was written.');
      return 0;
    }

    writeProject(target.dir, files, { force: args.force });
    ctx.out(`${pc.green('✔')} Created ${where} (${what}): ${files.length} files.`);
    let installed = false;
    if (answers.install) {
      ctx.out(`Installing dependencies: ${cmds.install.join(' ')}`);
      installed = install(target.dir, cmds.install);
      if (!installed)
        ctx.err(
          pc.yellow(
            `Install failed: run "${cmds.install.join(' ')}" in ${target.display} yourself.`,
          ),
        );
    }
    if (answers.git) ctx.out(`git: ${initGit(target.dir)}`);

    ctx.out('\nNext steps:');
    if (target.dir !== ctx.cwd) ctx.out(`  cd ${target.display}`);
    if (!installed) ctx.out(`  ${cmds.install.join(' ')}`);
    ctx.out(`  ${cmds.run('dev')}        # the app on http://localhost:3000`);
    ctx.out(
      `  ${cmds.run('test')}       # unit tests (${cmds.run('test:e2e')} for the browser tests)`,
    );
    return answers.install && !installed ? 1 : 0;
  } catch (err) {
    if (err instanceof CreateShipmlError) {
      ctx.err(`${pc.red('✖')} ${err.message}`);
      return err.status;
    }
    throw err;
  }
}
