/** Saving an exported events file and reading one to import: native dialogs in the desktop app, download/upload in a browser. */

/** Saves `content` as `fileName`; answers where (a path, or the download's name), or null when the person cancelled. */
export async function saveEventsFile(fileName: string, content: string, type: string): Promise<string | null> {
  if (window.hookdesk) return window.hookdesk.saveFile(fileName, content);
  const url = URL.createObjectURL(new Blob([content], { type }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the URL is no longer needed once this turn ends.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return fileName;
}

/** The most a file to import may hold (the engine takes 16 MB per request). */
export const MAX_IMPORT_FILE_BYTES = 16 * 1024 * 1024;
