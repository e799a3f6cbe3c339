/** Saving an exported events file and reading one to import: native dialogs in the desktop app, download/upload in a browser. */

/** The most a file to import may hold (the engine takes 16 MB per request). */
export const MAX_IMPORT_FILE_BYTES = 16 * 1024 * 1024;
