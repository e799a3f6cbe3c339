import { useId } from 'react';

/**
 * The end of a form's save bar: what state the draft is in, Discard changes, and Save (the form's
 * submit). `blocked`: why Save is off right now, shown beside it and read with the button.
 */
export function SaveState({ saving, dirty, savedMessage, onDiscard, blocked = null }: { saving: boolean; dirty: boolean; savedMessage: string | null | undefined; onDiscard: () => void; blocked?: string | null }) {
  const blockedId = useId();
  return (
    <>
      {blocked && (
        <p id={blockedId} className="error">
          {blocked}
        </p>
      )}
      <span role="status" className="muted">
        {saving ? 'Saving…' : dirty ? 'Unsaved changes' : (savedMessage ?? '')}
      </span>
      <button type="button" onClick={onDiscard} disabled={!dirty || saving}>
        Discard changes
      </button>
      <button type="submit" className="primary" disabled={saving || blocked !== null} aria-describedby={blocked ? blockedId : undefined}>
        Save
      </button>
    </>
  );
}
