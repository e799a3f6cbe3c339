/**
 * Saves a text file under a suggested name: the native Save dialog in the desktop app, a download in a
 * browser. Answers where (a path, or the download's name), or null when the person cancelled.
 */
export async function saveTextFile(name: string, content: string, type = 'application/json'): Promise<string | null> {
  if (window.hookdesk) return window.hookdesk.saveFile(name, content);
  const url = URL.createObjectURL(new Blob([content], { type }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the URL is no longer needed once this turn ends.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
