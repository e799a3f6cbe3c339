import { useRef, useState, type ChangeEvent } from 'react';
import { archiveContentType } from '../../../../shared/interop/event-archive-import';
import type { EventArchiveFormat, EventImportResult } from '../../../../shared/interop/event-archive';
import type { EventSearch } from '../../../../shared/matching/event-search';
import { api } from '../../api/client';
import { saveTextFile } from '../../lib/save-text-file';
import { MAX_IMPORT_FILE_BYTES } from './event-archive-io';

const FORMAT_LABELS: Record<EventArchiveFormat, string> = { har: 'HAR 1.2', ndjson: 'NDJSON' };
const MEDIA_TYPES: Record<EventArchiveFormat, string> = { har: 'application/json', ndjson: 'application/x-ndjson' };

/** "Imported 3 events; skipped 1: entry 2: request.url ..." (at most 5 reasons, then how many more). */
export function importSummary(result: EventImportResult): string {
  const imported = `Imported ${result.imported.toLocaleString()} event${result.imported === 1 ? '' : 's'}`;
  if (result.skipped.length === 0) return `${imported}.`;
  const reasons = result.skipped.slice(0, 5).map((s) => `${result.format === 'har' ? 'entry' : 'line'} ${s.index + 1}: ${s.reason}`);
  const more = result.skipped.length > 5 ? `; and ${result.skipped.length - 5} more` : '';
  return `${imported}; skipped ${result.skipped.length}: ${reasons.join('; ')}${more}.`;
}

/**
 * Export the list (as filtered, or the selected events) as HAR 1.2 or NDJSON, and, on a connector's
 * page, Import… a HAR or NDJSON file into it (the events come in marked Imported).
 */
export function EventArchiveBar({ connectorId, search, selectedIds }: { connectorId?: string; search: EventSearch; selectedIds: readonly string[] }) {
  const [format, setFormat] = useState<EventArchiveFormat>('har');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const selected = selectedIds.length >= 2 ? selectedIds : null;

  const exportEvents = async (): Promise<void> => {
    setBusy(true);
    setStatus(null);
    try {
      const file = await api.exportEvents({ ...search, ...(connectorId ? { connectorId } : {}), format, ...(selected ? { ids: [...selected] } : {}) });
      const where = await saveTextFile(file.fileName, file.text, MEDIA_TYPES[format]);
      if (where !== null) setStatus({ text: `Exported ${file.count.toLocaleString()} event${file.count === 1 ? '' : 's'} to ${where}.`, error: false });
    } catch (error) {
      setStatus({ text: `Export failed: ${(error as Error).message}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const importText = async (text: string): Promise<void> => {
    if (!connectorId) return;
    setBusy(true);
    setStatus(null);
    try {
      const result = await api.importEvents(connectorId, text, archiveContentType(text));
      setStatus({ text: importSummary(result), error: result.imported === 0 });
    } catch (error) {
      setStatus({ text: `Import failed: ${(error as Error).message}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (): Promise<void> => {
    if (window.hookdesk) {
      const opened = await window.hookdesk.openFile();
      if (opened) await importText(opened.content);
      return;
    }
    fileInput.current?.click();
  };

  const fromInput = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setStatus({ text: `${file.name} is larger than 16 MB; export fewer events at once (filter or select them).`, error: true });
      return;
    }
    await importText(await file.text());
  };

  const exportLabel = selected ? `Export ${selected.length.toLocaleString()} selected` : 'Export';
  return (
    <div className="event-archive-bar" role="group" aria-label="Export and import events">
      <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as EventArchiveFormat)} disabled={busy}>
        {(Object.keys(FORMAT_LABELS) as EventArchiveFormat[]).map((f) => (
          <option key={f} value={f}>
            {FORMAT_LABELS[f]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void exportEvents()} disabled={busy} title={selected ? 'The selected events in one file' : 'The events this list shows (its filters apply) in one file'}>
        {exportLabel}
      </button>
      {connectorId && (
        <>
          <button type="button" onClick={() => void chooseFile()} disabled={busy} title="Add the events of a HAR or NDJSON file to this connector, marked Imported">
            Import…
          </button>
          <input ref={fileInput} type="file" hidden accept=".har,.json,.ndjson,.jsonl,application/json,application/x-ndjson" aria-label="File to import" onChange={(e) => void fromInput(e)} />
        </>
      )}
      <p role="status" className={status?.error ? 'archive-status error' : 'archive-status muted'}>
        {status?.text}
        {status && (
          <button type="button" className="link" onClick={() => setStatus(null)}>
            Dismiss
          </button>
        )}
      </p>
    </div>
  );
}
