import { fileURLToPath } from 'node:url';
import { app, dialog, session } from 'electron';
import { startEngine, type Engine } from '../engine/engine';
import { tuneHeapGrowth } from '../engine/heap-tuning';
import { installProcessGuards } from '../engine/process-guards';
import { registerIpc } from './ipc';
import { createWorkspaceWindow } from './window';
import { isAllowedRequest } from './window-security';

/**
 * The Electron shell: start the engine in-process on a free loopback port with its data in the
 * app's user-data folder, open the window, answer native dialogs. Nothing else lives here.
 */
app.setName('Hookdesk');
let engine: Engine | null = null;

if (!app.requestSingleInstanceLock()) app.quit();

tuneHeapGrowth();
// An error that escaped every handler is logged and the app keeps running; a flood of them quits.
installProcessGuards({
  log: (line) => console.error(line),
  onFatal: (reason) => {
    console.error(`Hookdesk is quitting: ${reason}.`);
    app.quit();
  },
});

async function boot(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  try {
    engine = await startEngine({
      host: '127.0.0.1',
      port: 0,
      dataDir: app.getPath('userData'),
      token: process.env.HOOKDESK_TOKEN?.trim() || undefined,
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      version: app.getVersion(),
    });
  } catch (error) {
    dialog.showErrorBox('Hookdesk could not start', (error as Error).message);
    app.exit(1);
    return;
  }
  // No remote content: the window loads nothing but the engine (and its own data:/blob: URLs).
  const engineUrl = engine.url;
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, engineUrl) }));
  registerIpc({ baseUrl: engine.url, token: engine.token });
  createWorkspaceWindow(engine.url, fileURLToPath(new URL('../preload/index.cjs', import.meta.url)));
}

app.on('second-instance', () => undefined);
app.on('window-all-closed', () => app.quit());
app.on('before-quit', (event) => {
  if (!engine) return;
  event.preventDefault();
  const running = engine;
  engine = null;
  void running.stop().finally(() => app.quit());
});
void app.whenReady().then(boot);
