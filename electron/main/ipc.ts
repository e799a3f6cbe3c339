import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { DESKTOP_CHANNELS, type DesktopSession } from '../../shared/desktop-bridge';
import { isTrustedIpcSender } from './window-security';

/**
 * Answers the preload's calls only for the workspace page itself: the top frame, at the engine's
 * root. A capture answer is served on the same origin (under /hooks/), so the origin alone is not
 * enough to be handed the token.
 */
export function registerIpc(session: DesktopSession): void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return isTrustedIpcSender(frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null, session.baseUrl);
  };
  ipcMain.handle(DESKTOP_CHANNELS.getSession, (event) => {
    if (!trusted(event)) throw new Error('refused: not the Hookdesk workspace');
    return session;
  });
  ipcMain.handle(DESKTOP_CHANNELS.saveFile, async (event, suggestedName: string, content: string) => {
    if (!trusted(event)) throw new Error('refused: not the Hookdesk workspace');
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: basename(String(suggestedName)) };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeFile(result.filePath, String(content), { mode: 0o600 });
    return result.filePath;
  });
  ipcMain.handle(DESKTOP_CHANNELS.openFile, async (event) => {
    if (!trusted(event)) throw new Error('refused: not the Hookdesk workspace');
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ['openFile' as const], filters: [{ name: 'Hookdesk workspace', extensions: ['json'] }] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    return { name: basename(path), content: await readFile(path, 'utf8') };
  });
}
