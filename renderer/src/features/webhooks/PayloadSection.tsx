import { useId, useMemo } from 'react';
import type { Webhook } from '../../../../shared/schemas/webhook';
import type { EventSample, EventTypeSummary } from '../../../../shared/schemas/event-type';
import { CodeEditor } from '../../components/CodeEditor';
import { Field } from '../../components/Field';
import { completionPaths, previewRequest } from './payload-preview';
import { HeadersTable } from '../../components/HeadersTable';
import type { DraftApi } from './use-webhook-draft';

const STARTER_TEMPLATE = `{
  "type": {{eventType}},
  "id": {{eventId}},
  "data": {{data}}
}
`;

/** Without the position the message may carry: the UI states line and column itself. */
const bare = (message: string): string => message.replace(/^Template error:\s*/, '').replace(/\s*\(line \d+, column \d+\)\s*$/, '');

/** The body: envelope switches, the template in Monaco with `{{` completion, and a live preview against a sample event. */
export function PayloadSection({ d, webhook, eventTypes, sample, onSubmit }: {
  d: DraftApi;
  webhook: Webhook;
  eventTypes: EventTypeSummary[];
  sample: { type: string; event: EventSample | null; note: string | null; setType: (type: string) => void };
  onSubmit: () => void;
}) {
  const { draft, errors, change } = d;
  const listId = useId();
  const origin = window.location.origin;
  const event = sample.event;
  const preview = useMemo(
    () => (event ? previewRequest(draft, { id: webhook.id, name: draft.name, storedSecret: webhook.secret }, event, origin) : null),
    [draft, event, webhook.id, webhook.secret, origin],
  );
  const { includeEntity, jsonPayloadEnabled } = draft;
  const paths = useMemo(
    () => (event ? completionPaths({ includeEntity, jsonPayloadEnabled }, { id: webhook.id, name: webhook.name }, event, origin) : []),
    [includeEntity, jsonPayloadEnabled, event, webhook.id, webhook.name, origin],
  );
  const failure = preview && !preview.body.ok ? preview.body : null;
  // A failure without a place (an event body that cannot go into the envelope) is said in words only.
  const bodyError = failure?.error ?? null;
  const templateMarkers = bodyError?.source === 'template' ? [{ line: bodyError.line, column: bodyError.column, message: bare(bodyError.message) }] : [];

  return (
    <fieldset>
      <legend>Payload</legend>
      <label className="check">
        <input type="checkbox" checked={draft.includeEntity} onChange={(e) => change('includeEntity', e.target.checked)} /> Include the entity (the event body) in the default envelope
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.jsonPayloadEnabled} onChange={(e) => change('jsonPayloadEnabled', e.target.checked)} /> Parse bodies that are JSON held in a string
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.bodyTemplate !== null}
          onChange={(e) => change('bodyTemplate', e.target.checked ? (d.draft.bodyTemplate ?? STARTER_TEMPLATE) : null)}
        />{' '}
        Use a body template
      </label>
      {draft.bodyTemplate !== null && (
        <>
          <p className="muted small">
            Mustache: type <code>{'{{'}</code> for the fields of this event type (every field seen in received events). Inside JSON strings values are escaped; elsewhere they become JSON values. Ctrl+Enter sends a test; Ctrl+M makes Tab leave the editor.
          </p>
          <CodeEditor
            label="Body template"
            language="handlebars"
            value={draft.bodyTemplate}
            onChange={(text) => change('bodyTemplate', text)}
            onSubmit={onSubmit}
            completions={paths}
            markers={templateMarkers}
            height={200}
          />
          {errors.bodyTemplate && <p className="error field-error">Body template {errors.bodyTemplate}</p>}
        </>
      )}
      <Field label="Sample event type" hint="The preview and Send test use the latest event of this type, else one shaped like the events received, else a built-in sample.">
        <input list={listId} value={sample.type} onChange={(e) => sample.setType(e.target.value)} autoComplete="off" />
      </Field>
      <datalist id={listId}>
        {eventTypes.map((t) => (
          <option key={t.type} value={t.type} />
        ))}
      </datalist>
      {sample.note && <p className="muted small">{sample.note}</p>}
      <section className="preview" aria-label="Preview">
        <h4>Preview</h4>
        {!preview && <p className="muted">Loading a sample event…</p>}
        {bodyError && (
          <p className="error" role="status">
            {bodyError.source === 'template' ? 'Template error' : 'The rendered body is not valid JSON'} at line {bodyError.line}, column {bodyError.column}: {bare(bodyError.message)}
          </p>
        )}
        {failure && !bodyError && (
          <p className="error" role="status">
            {failure.reason}
          </p>
        )}
        {preview && (
          <>
            <HeadersTable label="Preview headers" headers={preview.headers} />
            <pre aria-label="Preview body">{preview.body.body ?? (draft.method === 'GET' ? '(GET sends no body)' : '')}</pre>
          </>
        )}
      </section>
    </fieldset>
  );
}
