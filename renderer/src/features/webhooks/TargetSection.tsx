import { insecureTargetWarning, WEBHOOK_CONTENT_TYPES } from '../../../../shared/schemas/webhook';
import { Field } from '../../components/Field';
import type { DraftApi } from './use-webhook-draft';

/** Where and how requests go: name, URL, method, content type, timeout, enabled, extra headers. */
export function TargetSection({ d, savedUrl }: { d: DraftApi; savedUrl: string }) {
  const { draft, errors, change } = d;
  // The header shows the saved URL's warnings; here only those of a URL being edited.
  const warning = draft.url === savedUrl ? null : insecureTargetWarning(draft.url);
  return (
    <fieldset>
      <legend>Target</legend>
      <div className="field-row">
        <Field label="Name" error={errors.name}>
          <input value={draft.name} onChange={(e) => change('name', e.target.value)} autoComplete="off" />
        </Field>
        <Field label="URL" error={errors.url}>
          <input type="url" value={draft.url} onChange={(e) => change('url', e.target.value)} autoComplete="off" />
        </Field>
      </div>
      {warning && <p className="notice">{warning}</p>}
      <div className="field-row three">
        <Field label="Method" error={errors.method}>
          <select value={draft.method} onChange={(e) => change('method', e.target.value as 'POST' | 'GET')}>
            <option value="POST">POST</option>
            <option value="GET">GET (no body)</option>
          </select>
        </Field>
        <Field label="Content type" error={errors.contentType}>
          <select value={draft.contentType} onChange={(e) => change('contentType', e.target.value as (typeof WEBHOOK_CONTENT_TYPES)[number])}>
            {WEBHOOK_CONTENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Timeout (seconds)" error={errors.timeoutSeconds} hint="1 to 120">
          <input type="number" min={1} max={120} value={draft.timeoutSeconds} onChange={(e) => change('timeoutSeconds', e.target.value)} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => change('enabled', e.target.checked)} /> Enabled (send events)
      </label>
      <Field label="Extra headers" error={errors.headers} hint="One 'Name: value' a line. Masked values are kept as stored unless you edit them.">
        <textarea className="code" rows={3} value={draft.headers} onChange={(e) => change('headers', e.target.value)} spellCheck={false} />
      </Field>
    </fieldset>
  );
}
