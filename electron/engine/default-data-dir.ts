import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Hookdesk';

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` answers for an app
 * named "Hookdesk", so the desktop app and the headless `serve` see one workspace.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
