/// <reference types="vite/client" />
import type { DesktopBridge } from '../../shared/desktop-bridge';

declare global {
  interface Window {
    /** Present only inside the Electron window (see electron/preload). */
    hookdesk?: DesktopBridge;
  }
}
