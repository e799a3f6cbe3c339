import { Field } from '../../components/Field';
import { errorAt } from './draft-to-patch';
import type { DraftApi } from './use-webhook-draft';
import type { ValidatorRow } from './webhook-draft';

/** Response checks: a JSONPath into the response body and the values that pass (any one of them). */
export function ValidatorsSection({ d }: { d: DraftApi }) {
  const { draft, errors, change } = d;
  const rows = draft.validators;
  const setRows = (next: ValidatorRow[]): void => change('validators', next);
  const setRow = (index: number, patch: Partial<ValidatorRow>): void => setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>Validators</legend>
      <p className="muted small">
        A delivery succeeds only when the response passes every validator. Expected values are comma separated and read as JSON when they
        are JSON (<code>200, true, "ok"</code>).
      </p>
      {errors.validators && <p className="error field-error">Validators {errors.validators}</p>}
      {rows.length > 0 && (
        <ul className="rows" aria-label="Validators">
          {rows.map((row, index) => (
            <li key={index} className="row-fields two">
              <Field label={`JSONPath ${index + 1}`} error={errors[`validators.${index}.path`]}>
                <input value={row.path} placeholder="$.status" onChange={(e) => setRow(index, { path: e.target.value })} autoComplete="off" spellCheck={false} />
              </Field>
              <Field label={`Expected values ${index + 1}`} error={errorAt(errors, `validators.${index}.expected`)}>
                <input value={row.expected} placeholder='"ok", 200' onChange={(e) => setRow(index, { expected: e.target.value })} autoComplete="off" spellCheck={false} />
              </Field>
              <button type="button" className="remove" aria-label={`Remove validator ${index + 1}`} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => setRows([...rows, { path: '$.', expected: '' }])}>
        Add validator
      </button>
    </fieldset>
  );
}
