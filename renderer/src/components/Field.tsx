import { cloneElement, useId, type ReactElement } from 'react';

interface ControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A labelled form control with its hint and error next to it. The control gets the id, the
 * invalid state and the descriptions, so screen readers read the error with the field.
 */
export function Field({ label, error, hint, children }: { label: string; error?: string | undefined; hint?: string; children: ReactElement<ControlProps> }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && <small id={hintId} className="muted">{hint}</small>}
      {error && <small id={errorId} className="error field-error">{error}</small>}
    </div>
  );
}
