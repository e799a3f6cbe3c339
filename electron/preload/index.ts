import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_CHANNELS, type DesktopBridge } from '../../shared/desktop-bridge';
import { isWorkspacePage, WORKSPACE_ORIGIN_ARG } from '../main/window-security';

/** A few named functions, never the raw ipcRenderer. Built as CommonJS so the window stays sandboxed. */
const bridge: DesktopBridge = {
  getSession: () => ipcRenderer.invoke(DESKTOP_CHANNELS.getSession),
  saveFile: (suggestedName, content) => ipcRenderer.invoke(DESKTOP_CHANNELS.saveFile, suggestedName, content),
  openFile: () => ipcRenderer.invoke(DESKTOP_CHANNELS.openFile),
};

// Only the workspace page gets the bridge: any other page of the engine's origin (a capture
// answer under /hooks/, say) sees no `window.hookdesk`, and the main process refuses it anyway.
// (The node tsconfig has no DOM types; the preload runs in the page, where `location` exists.)
const pageUrl = (globalThis as { location?: { href: string } }).location?.href;
const workspaceOrigin = process.argv.find((arg) => arg.startsWith(WORKSPACE_ORIGIN_ARG))?.slice(WORKSPACE_ORIGIN_ARG.length);
if (workspaceOrigin && isWorkspacePage(pageUrl, workspaceOrigin)) {
  contextBridge.exposeInMainWorld('hookdesk', bridge);
}
