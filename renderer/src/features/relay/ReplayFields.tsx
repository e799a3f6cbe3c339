import { useId } from 'react';
import { CodeEditor } from '../../components/CodeEditor';
import { Field } from '../../components/Field';
import { formatBytes } from '../../lib/format';
import type { ReplayApi } from './use-replay';

/** Where the replay goes: the connector's forward target, a webhook (select), or a URL typed in. */
export function ReplayTargetFields({ r }: { r: ReplayApi }) {
  const { form, set, errors, forwardUrl, webhooks } = r;
  const groupId = useId();
  return (
    <fieldset>
      <legend>Send to</legend>
      <div role="radiogroup" aria-label="Replay target" className="target-choice">
        <label className="check">
          <input type="radio" name={`${groupId}-target`} checked={form.target === 'forward'} disabled={!forwardUrl} onChange={() => set('target', 'forward')} />
          {forwardUrl ? `The forward target (${forwardUrl})` : 'The forward target (none set: add one under Relay settings)'}
        </label>
        <label className="check">
          <input type="radio" name={`${groupId}-target`} checked={form.target === 'webhook'} disabled={webhooks.length === 0} onChange={() => set('target', 'webhook')} />
          {webhooks.length > 0 ? 'A webhook' : 'A webhook (none yet)'}
        </label>
        <label className="check">
          <input type="radio" name={`${groupId}-target`} checked={form.target === 'url'} onChange={() => set('target', 'url')} />
          A URL
        </label>
      </div>
      {form.target === 'webhook' && (
        <Field label="Webhook" error={errors.webhookId}>
          <select value={form.webhookId} onChange={(e) => set('webhookId', e.target.value)}>
            {webhooks.map((w) => (
              <option key={w.id} value={w.id}>
                {`${w.name} (${w.url})`}
              </option>
            ))}
          </select>
        </Field>
      )}
      {form.target === 'url' && (
        <Field label="Target URL" error={errors.url} hint="An http or https URL, e.g. http://127.0.0.1:3000/webhooks">
          <input type="url" value={form.url} onChange={(e) => set('url', e.target.value)} placeholder="http://127.0.0.1:3000/webhooks" spellCheck={false} autoFocus />
        </Field>
      )}
    </fieldset>
  );
}

/** The request to replay: the body in Monaco (the exact bytes as text; binary bodies go as they were) and the headers. */
export function ReplayRequestFields({ r }: { r: ReplayApi }) {
  const { original, form, set, errors, edited } = r;
  const bodyEdited = original.body.kind === 'text' && form.body !== original.body.text;
  return (
    <fieldset>
      <legend>Request</legend>
      {original.body.kind === 'text' ? (
        <>
          <CodeEditor label="Replay body" value={form.body} language={original.body.language} onChange={(v) => set('body', v)} onSubmit={() => void r.send()} height={220} />
          {errors.body && <p className="error small">{errors.body}</p>}
          <p className="muted small">
            {bodyEdited
              ? 'Edited: the body is sent as shown. Signature headers still sign the original body, so a target that verifies them will refuse it.'
              : 'Unchanged: the stored bytes are sent exactly as received.'}{' '}
            Ctrl/Cmd+Enter sends; Ctrl+M makes Tab leave the editor.
          </p>
        </>
      ) : (
        <p className="notice">This body is binary ({formatBytes(original.body.size)}): it cannot be edited here and is replayed exactly as it was received.</p>
      )}
      <Field label="Replay headers" error={errors.headers} hint="One 'Name: value' a line. Host, Content-Length and hop-by-hop headers are set when sending.">
        <textarea className="code" rows={5} value={form.headers} onChange={(e) => set('headers', e.target.value)} spellCheck={false} />
      </Field>
      {edited && (
        <div className="actions">
          <button type="button" onClick={r.undoEdits}>
            Undo edits
          </button>
        </div>
      )}
    </fieldset>
  );
}
