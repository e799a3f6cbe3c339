/**
 * What the Electron preload exposes to the renderer as `window.hookdesk`: only what a web page
 * cannot do itself. In a browser it is absent and the renderer signs in from the URL instead.
 */
export interface DesktopSession {
  baseUrl: string;
  token: string;
}

export interface DesktopBridge {
  getSession(): Promise<DesktopSession>;
  /** Native save dialog; answers the chosen path, or null when cancelled. */
  saveFile(suggestedName: string, content: string): Promise<string | null>;
  /** Native open dialog; answers the file's text, or null when cancelled. */
  openFile(): Promise<{ name: string; content: string } | null>;
}

export const DESKTOP_CHANNELS = {
  getSession: 'hookdesk:get-session',
  saveFile: 'hookdesk:save-file',
  openFile: 'hookdesk:open-file',
} as const;
