export interface DialogActionsProps {
  onCancel: () => void;
  /** Put focus on Cancel when the dialog opens (for destructive confirmations). */
  focusCancel?: boolean;
  label: string;
  /** Shown on the action button while `busy`. */
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  tone: 'primary' | 'danger';
  /** Without `onConfirm` the action button submits the surrounding form. */
  onConfirm?: () => void;
}

/** A dialog's Cancel button and its one action button, which says what it is doing while busy. */
export function DialogActions({ onCancel, focusCancel = false, label, busyLabel, busy, disabled = false, tone, onConfirm }: DialogActionsProps) {
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel} autoFocus={focusCancel}>
        Cancel
      </button>
      <button type={onConfirm ? 'button' : 'submit'} className={tone} onClick={onConfirm} disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
