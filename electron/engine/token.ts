import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './store/durable-write';

/**
 * The management token: `HOOKDESK_TOKEN` when set; otherwise one generated on first start and
 * kept in `<dataDir>/token`, readable by the owner only, so the desktop app and `serve` share it.
 */
export async function loadOrCreateToken(dataDir: string, fromEnv: string | undefined): Promise<string> {
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  const file = join(dataDir, 'token');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing !== '') {
      // A token file from an older version (or copied in) may be readable by others.
      await chmod(file, 0o600);
      return existing;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = `hdk_${randomBytes(24).toString('base64url')}`;
  await writeFileDurably(file, `${token}\n`, 0o600);
  return token;
}
