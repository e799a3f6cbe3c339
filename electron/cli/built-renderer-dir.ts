import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built renderer (`out/renderer`) seen from the CLI's built code, which lives in `out/main/`
 * (an entry) or `out/main/chunks/` (code shared by the `serve` and `hookdesk` entries): a path
 * relative to `import.meta.url` alone would point into `out/main/` from a chunk.
 */
export function builtRendererDir(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  const mainDir = basename(here) === 'chunks' ? dirname(here) : here;
  return join(dirname(mainDir), 'renderer');
}
