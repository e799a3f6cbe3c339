/** Saving and opening the workspace file (and the other exported files): native dialogs in the desktop app, download/upload in a browser. */

import { saveTextFile } from '../../lib/save-text-file';

export const WORKSPACE_FILE_NAME = 'hookdesk.workspace.json';

/** Saves `content`; answers where (a path, or the download's name), or null when the person cancelled. */
export function saveWorkspaceFile(content: string): Promise<string | null> {
  return saveTextFile(WORKSPACE_FILE_NAME, content);
}

/** Workspace files are small; a larger one is surely something else. */
export const MAX_WORKSPACE_FILE_BYTES = 8 * 1024 * 1024;

/** The file's JSON, or a sentence saying why it cannot be read. */
export function parseWorkspaceText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.length > MAX_WORKSPACE_FILE_BYTES) return { ok: false, message: 'The file is larger than 8 MB; a workspace file is much smaller. Choose the file Export wrote.' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `The file is not JSON (${error instanceof Error ? error.message : 'unreadable'}). Choose the file Export wrote.` };
  }
}
