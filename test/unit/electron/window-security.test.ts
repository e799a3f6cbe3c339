import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isAllowedRequest,
  isTrustedIpcSender,
  isWorkspacePage,
  navigationDecision,
  windowOpenDecision,
  WORKSPACE_ORIGIN_ARG,
  workspaceWebPreferences,
} from '../../../electron/main/window-security';

const ENGINE = 'http://127.0.0.1:43117';

describe('Electron window security (read from the settings the shell applies)', () => {
  const prefs = workspaceWebPreferences('/app/out/preload/index.cjs', ENGINE);

  it('isolates and sandboxes the page, with no Node integration anywhere', () => {
    expect(prefs).toMatchObject({
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
    });
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.additionalArguments).toEqual([`${WORKSPACE_ORIGIN_ARG}${ENGINE}`]);
  });

  it('lets the window show only the workspace page; other http(s) links open in the system browser', () => {
    expect(navigationDecision(`${ENGINE}/`, ENGINE)).toBe('allow');
    expect(navigationDecision(`${ENGINE}/#token=abc`, ENGINE)).toBe('allow');
    expect(navigationDecision(`${ENGINE}/hooks/cap_123`, ENGINE)).toBe('open-in-browser');
    expect(navigationDecision('https://github.com/some/repo', ENGINE)).toBe('open-in-browser');
    expect(navigationDecision('http://127.0.0.1:9999/', ENGINE)).toBe('open-in-browser');
    expect(navigationDecision('file:///etc/passwd', ENGINE)).toBe('block');
    expect(navigationDecision('javascript:alert(1)', ENGINE)).toBe('block');
  });

  it('never opens a new window: http(s) goes to the system browser, anything else nowhere', () => {
    expect(windowOpenDecision('https://example.com/docs')).toBe('open-in-browser');
    expect(windowOpenDecision(`${ENGINE}/`)).toBe('open-in-browser');
    expect(windowOpenDecision('file:///tmp/x.html')).toBe('block');
  });

  it('loads no remote content: only the engine and the page\'s own data:/blob: URLs', () => {
    expect(isAllowedRequest(`${ENGINE}/assets/index-abc.js`, ENGINE)).toBe(true);
    expect(isAllowedRequest('blob:http://127.0.0.1:43117/1234', ENGINE)).toBe(true);
    expect(isAllowedRequest('data:font/woff2;base64,AAAA', ENGINE)).toBe(true);
    expect(isAllowedRequest('https://cdn.jsdelivr.net/npm/monaco-editor/min/vs/loader.js', ENGINE)).toBe(false);
    expect(isAllowedRequest('http://localhost:43117/', ENGINE)).toBe(false);
    expect(isAllowedRequest('not a url', ENGINE)).toBe(false);
  });

  it('hands the token only to the workspace page\'s top frame, never to a capture answer on the same origin', () => {
    expect(isWorkspacePage(`${ENGINE}/`, ENGINE)).toBe(true);
    expect(isWorkspacePage(`${ENGINE}/hooks/cap_123`, ENGINE)).toBe(false);
    expect(isWorkspacePage(`${ENGINE}/api/v1/events`, ENGINE)).toBe(false);
    expect(isWorkspacePage('http://evil.example/', ENGINE)).toBe(false);
    expect(isWorkspacePage(undefined, ENGINE)).toBe(false);
    expect(isTrustedIpcSender({ url: `${ENGINE}/`, isMainFrame: true }, ENGINE)).toBe(true);
    expect(isTrustedIpcSender({ url: `${ENGINE}/`, isMainFrame: false }, ENGINE)).toBe(false);
    expect(isTrustedIpcSender({ url: `${ENGINE}/hooks/cap_123/page`, isMainFrame: true }, ENGINE)).toBe(false);
    expect(isTrustedIpcSender(null, ENGINE)).toBe(false);
  });

  it('is what the window, the IPC handlers and the preload actually use', () => {
    const source = (path: string): string => readFileSync(new URL(`../../../electron/${path}`, import.meta.url), 'utf8');
    expect(source('main/window.ts')).toContain('webPreferences: workspaceWebPreferences(preloadPath, engineUrl)');
    expect(source('main/window.ts')).toMatch(/will-navigate', guard/);
    expect(source('main/ipc.ts')).toContain('isTrustedIpcSender(');
    expect(source('main/index.ts')).toContain('isAllowedRequest(');
    expect(source('preload/index.ts')).toContain('isWorkspacePage(');
  });
});
