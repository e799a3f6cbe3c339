import { BrowserWindow, shell } from 'electron';
import { navigationDecision, windowOpenDecision, workspaceWebPreferences, type NavigationDecision } from './window-security';

/**
 * The workspace window: it loads the renderer from the engine's loopback URL (Monaco's workers
 * cannot start from file://) with the preferences and navigation rules of `window-security.ts`:
 * the window never leaves the workspace page, and http(s) links open in the system browser.
 */
export function createWorkspaceWindow(engineUrl: string, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Hookdesk',
    show: false,
    webPreferences: workspaceWebPreferences(preloadPath, engineUrl),
  });
  const apply = (decision: NavigationDecision, url: string): void => {
    if (decision === 'open-in-browser') void shell.openExternal(url);
  };
  window.webContents.setWindowOpenHandler(({ url }) => {
    apply(windowOpenDecision(url), url);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string): void => {
    const decision = navigationDecision(url, engineUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    apply(decision, url);
  };
  window.webContents.on('will-navigate', guard);
  window.webContents.on('will-redirect', guard);
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${engineUrl}/`);
  return window;
}
