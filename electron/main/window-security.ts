import type { WebPreferences } from 'electron';

/**
 * The workspace window's security, as plain data and pure decisions, so a unit test can read it
 * without the Electron binary (this module never loads `electron` at run time; the import above is
 * erased). `window.ts`, `ipc.ts`, `index.ts` and the preload apply what is decided here.
 */

/** Passed to the preload in `process.argv`: the engine origin whose root page may get the token. */
export const WORKSPACE_ORIGIN_ARG = '--hookdesk-workspace-origin=';

/** The workspace page: the engine's origin, at its root (`/`), where the built renderer is served. */
export function isWorkspacePage(pageUrl: string | undefined, engineUrl: string): boolean {
  if (!pageUrl) return false;
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return false;
  }
  return page.origin === new URL(engineUrl).origin && (page.pathname === '/' || page.pathname === '/index.html');
}

/**
 * The window's web preferences: renderer in Chromium's sandbox, page scripts isolated from the
 * preload, no Node anywhere (frames and workers included), same-origin policy on, no insecure
 * content, no <webview>, no experimental features, no navigation by dropping a file.
 */
export function workspaceWebPreferences(preloadPath: string, engineUrl: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    additionalArguments: [`${WORKSPACE_ORIGIN_ARG}${new URL(engineUrl).origin}`],
  };
}

export type NavigationDecision = 'allow' | 'open-in-browser' | 'block';

/**
 * Where the window itself may go: only the workspace page. An http(s) link anywhere else
 * (another site, or a capture URL on the engine's own origin) opens in the system browser;
 * anything else (file:, javascript:, custom schemes) goes nowhere.
 */
export function navigationDecision(url: string, engineUrl: string): NavigationDecision {
  if (isWorkspacePage(url, engineUrl)) return 'allow';
  return /^https?:\/\//i.test(url) ? 'open-in-browser' : 'block';
}

/** New windows are never opened by the app: http(s) links go to the system browser instead. */
export function windowOpenDecision(url: string): Exclude<NavigationDecision, 'allow'> {
  return /^https?:\/\//i.test(url) ? 'open-in-browser' : 'block';
}

/**
 * What the window may load at all (no remote content): the engine's origin, and the data:, blob:
 * and devtools: URLs the page and its local Monaco workers make. Everything else is cancelled.
 */
export function isAllowedRequest(url: string, engineUrl: string): boolean {
  if (/^(data|blob|devtools):/i.test(url)) return true;
  try {
    return new URL(url).origin === new URL(engineUrl).origin;
  } catch {
    return false;
  }
}

/** IPC answers (the token, native dialogs) go only to the workspace page's top frame. */
export function isTrustedIpcSender(frame: { url: string; isMainFrame: boolean } | null | undefined, engineUrl: string): boolean {
  return frame !== null && frame !== undefined && frame.isMainFrame && isWorkspacePage(frame.url, engineUrl);
}
