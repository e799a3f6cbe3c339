import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_CHANNELS, type DesktopBridge } from '../../shared/desktop-bridge';

/** A few named functions, never the raw ipcRenderer. Built as CommonJS so the window stays sandboxed. */
const bridge: DesktopBridge = {
  getSession: () => ipcRenderer.invoke(DESKTOP_CHANNELS.getSession),
  saveFile: (suggestedName, content) => ipcRenderer.invoke(DESKTOP_CHANNELS.saveFile, suggestedName, content),
  openFile: () => ipcRenderer.invoke(DESKTOP_CHANNELS.openFile),
};

contextBridge.exposeInMainWorld('hookdesk', bridge);
