import { useState } from 'react';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

/** The entry points: "Export…" (workspace file, event catalogs, Postman) and "Import workspace…", each opening its dialog. Mount where app-wide actions live. */
export function WorkspaceFileButtons({ disabled = false }: { disabled?: boolean }) {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  return (
    <>
      {/* Short words in the crowded status bar; the title says what can be exported. */}
      <button type="button" className="link" title="Export the workspace file, an event catalog (OpenAPI, AsyncAPI) or a Postman collection…" onClick={() => setOpen('export')} disabled={disabled}>
        Export…
      </button>
      <button type="button" className="link" aria-label="Import workspace…" title="Import workspace…" onClick={() => setOpen('import')} disabled={disabled}>
        Import…
      </button>
      {open === 'export' && <ExportDialog onClose={() => setOpen(null)} />}
      {open === 'import' && <ImportDialog onClose={() => setOpen(null)} />}
    </>
  );
}
