import { readFile, stat } from 'node:fs/promises';
import { parseBoundedJson } from '../../shared/json/bounded-json';
import { CliError } from './cli-error';

/** Larger than any real workspace file (the management API takes 16 MB); a file past it is refused unread. */
export const MAX_WORKSPACE_FILE_BYTES = 16 * 1024 * 1024;

/** Reads a workspace file as JSON, bounded in size and depth; errors say which file and why. */
export async function readWorkspaceFile(path: string): Promise<unknown> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${path}: no such file.` : `${path}: cannot be read (${code ?? (error as Error).message}).`);
  }
  if (size > MAX_WORKSPACE_FILE_BYTES) throw new CliError(`${path} is ${size} bytes; a workspace file is at most ${MAX_WORKSPACE_FILE_BYTES} bytes.`);
  const parsed = parseBoundedJson(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new CliError(`${path} is not a workspace file: ${parsed.reason}`);
  return parsed.value;
}
