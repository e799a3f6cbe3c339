/** The end of a form's save bar: what state the draft is in, Discard changes, and Save (the form's submit). */
export function SaveState({ saving, dirty, savedMessage, onDiscard }: { saving: boolean; dirty: boolean; savedMessage: string | null | undefined; onDiscard: () => void }) {
  return (
    <>
      <span role="status" className="muted">
        {saving ? 'Saving…' : dirty ? 'Unsaved changes' : (savedMessage ?? '')}
      </span>
      <button type="button" onClick={onDiscard} disabled={!dirty || saving}>
        Discard changes
      </button>
      <button type="submit" className="primary" disabled={saving}>
        Save
      </button>
    </>
  );
}
