import { useState } from 'react';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

/** The entry points: "Export workspace…" and "Import workspace…", each opening its dialog. Mount where app-wide actions live. */
export function WorkspaceFileButtons({ disabled = false }: { disabled?: boolean }) {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  return (
    <>
      <button type="button" className="link" onClick={() => setOpen('export')} disabled={disabled}>
        Export workspace…
      </button>
      <button type="button" className="link" onClick={() => setOpen('import')} disabled={disabled}>
        Import workspace…
      </button>
      {open === 'export' && <ExportDialog onClose={() => setOpen(null)} />}
      {open === 'import' && <ImportDialog onClose={() => setOpen(null)} />}
    </>
  );
}
