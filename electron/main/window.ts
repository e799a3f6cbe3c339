import { BrowserWindow, shell } from 'electron';

/**
 * The workspace window: context isolation, sandbox, no Node integration; it loads the renderer
 * from the engine's loopback URL (Monaco's workers cannot start from file://). Navigation to any
 * other origin is blocked, and http(s) links open in the system browser.
 */
export function createWorkspaceWindow(engineUrl: string, preloadPath: string): BrowserWindow {
  const origin = new URL(engineUrl).origin;
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Hookdesk',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const openOutside = (url: string): void => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
  };
  window.webContents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== origin) {
      event.preventDefault();
      openOutside(url);
    }
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${engineUrl}/`);
  return window;
}
