/** Package managers a created app can be set up for. */
export type PackageManager = 'pnpm' | 'npm' | 'yarn';

/**
 * The package manager that launched us, from `npm_config_user_agent`
 * (e.g. "pnpm/10.3.0 npm/? node/v20.19.0 linux x64"); npm when it says nothing.
 */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split(' ')[0]?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' ? name : 'npm';
}

/** The commands a package manager takes for the steps we run or print. */
export function commandsFor(pm: PackageManager): {
  install: string[];
  run: (script: string) => string;
} {
  return {
    install: pm === 'yarn' ? ['yarn'] : [pm, 'install'],
    run: (script) => (pm === 'npm' ? `npm run ${script}` : `${pm} ${script}`),
  };
}
