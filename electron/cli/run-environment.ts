import { CliError } from './cli-error';

/** At most this many environment names are read from an unvalidated config file (the schema allows 50). */
const MAX_NAMES_FROM_FILE = 100;

/** The environment names a workspace file (not yet validated) defines: its `environments` object's keys. */
export function environmentsInFile(file: unknown): string[] {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return [];
  const environments = (file as { environments?: unknown }).environments;
  if (typeof environments !== 'object' || environments === null || Array.isArray(environments)) return [];
  return Object.keys(environments).slice(0, MAX_NAMES_FROM_FILE);
}

/**
 * `serve --env NAME` (and `plan`/`apply --env NAME`) must name an environment that exists: in the
 * data dir, or in the `--config` (plan/apply: FILE) file about to be applied. Otherwise every `${VAR}`
 * would silently fall back to the process environment, so the run is refused (exit 2) with the names
 * that do exist.
 */
export function assertRunEnvironment(
  name: string,
  where: { dataDir: string; stored: readonly string[]; config?: { path: string; names: readonly string[] } },
  exitCode = 2,
): void {
  if (where.stored.includes(name) || where.config?.names.includes(name)) return;
  const known = [...new Set([...where.stored, ...(where.config?.names ?? [])])].sort();
  const places = where.config ? `${where.dataDir} or ${where.config.path}` : where.dataDir;
  const listed =
    known.length === 0
      ? 'There are no environments yet: create one in the app (Edit environments), with PUT /api/v1/environments, or in the workspace file\'s "environments".'
      : `Environments: ${known.map((n) => `"${n}"`).join(', ')}.`;
  throw new CliError(`--env ${name}: there is no environment named "${name}" in ${places}. ${listed}`, exitCode);
}
