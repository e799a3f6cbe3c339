import { useState, type FormEvent } from 'react';
import { connectorPatchSchema, type Connector, type ConnectorPatch } from '../../../../shared/schemas/connector';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useConnectorsStore } from '../../stores/connectors-store';
import {
  apiFailure,
  choiceFromDataSource,
  dataSourceFromChoice,
  fieldSentences,
  formatHeaderLines,
  parseHeaderLines,
  type FieldErrors,
} from './connector-form';
import { DataSourcePicker } from './DataSourcePicker';
import { DialogActions } from '../../components/DialogActions';

interface Draft {
  name: string;
  source: ReturnType<typeof choiceFromDataSource>;
  typePath: string;
  retention: string;
  status: string;
  headers: string;
  body: string;
  delayMs: string;
}

function draftOf(c: Connector): Draft {
  return {
    name: c.name,
    source: choiceFromDataSource(c.dataSource),
    typePath: c.typePath ?? '',
    retention: String(c.retention),
    status: String(c.response.status),
    headers: formatHeaderLines(c.response.headers),
    body: c.response.body,
    delayMs: String(c.response.delayMs),
  };
}

/**
 * Builds the PATCH body from the draft and checks it in one pass: a bad headers line and every
 * schema problem are reported together, each as a sentence (see `issueSentence`).
 */
function checkedPatchOf(d: Draft): { data: ConnectorPatch } | { fields: FieldErrors } {
  const headers = parseHeaderLines(d.headers);
  const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
  const patch = {
    name: d.name,
    dataSource: dataSourceFromChoice(d.source),
    typePath: d.typePath.trim() === '' ? null : d.typePath.trim(),
    retention: number(d.retention),
    response: { status: number(d.status), headers: 'error' in headers ? {} : headers.headers, body: d.body, delayMs: number(d.delayMs) },
  };
  const parsed = fieldSentences(connectorPatchSchema, patch);
  if (!('error' in headers)) return 'fields' in parsed ? parsed : { data: parsed.data as ConnectorPatch };
  return { fields: { ...('fields' in parsed ? parsed.fields : {}), 'response.headers': headers.error } };
}

/** Name, data source, type JSONPath, retention and the answer capture senders get (forwarding and verification: the page's Relay settings). */
export function EditConnectorDialog({ connector, onClose }: { connector: Connector; onClose: () => void }) {
  const update = useConnectorsStore((s) => s.update);
  const [draft, setDraft] = useState<Draft>(() => draftOf(connector));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const parsed = checkedPatchOf(draft);
    if ('fields' in parsed) {
      setErrors(parsed.fields);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await update(connector.id, parsed.data);
      onClose();
    } catch (error) {
      const failure = apiFailure(error);
      setErrors(failure.fields);
      setFormError(failure.form);
      setBusy(false);
    }
  };

  const unplaced = Object.entries(errors).filter(([key]) => !KNOWN_FIELDS.has(key) && !key.startsWith('response.headers.'));
  const headerIssue = Object.entries(errors).find(([key]) => key.startsWith('response.headers.'));
  const headersError = errors['response.headers'] ?? (headerIssue ? `${headerIssue[0].slice('response.headers.'.length)}: ${headerIssue[1]}` : undefined);
  return (
    <Modal title={`Edit "${connector.name}"`} onClose={onClose} wide>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Name" error={errors.name}>
          <input value={draft.name} onChange={(e) => set('name', e.target.value)} autoFocus autoComplete="off" />
        </Field>
        <DataSourcePicker value={draft.source} onChange={(v) => set('source', v)} error={errors.dataSource} />
        <Field label="Type JSONPath" error={errors.typePath} hint="Where the event type is in the body. Empty: $.event_type, $.eventType, $.type, …">
          <input value={draft.typePath} onChange={(e) => set('typePath', e.target.value)} placeholder="$.event_type" spellCheck={false} />
        </Field>
        <Field label="Events kept" error={errors.retention} hint="The oldest are trimmed beyond this many.">
          <input type="number" min={1} value={draft.retention} onChange={(e) => set('retention', e.target.value)} />
        </Field>
        <fieldset>
          <legend>Answer to capture senders</legend>
          <div className="field-row">
            <Field label="Response status" error={errors['response.status']}>
              <input type="number" min={200} max={599} value={draft.status} onChange={(e) => set('status', e.target.value)} />
            </Field>
            <Field label="Response delay (ms)" error={errors['response.delayMs']}>
              <input type="number" min={0} max={60000} value={draft.delayMs} onChange={(e) => set('delayMs', e.target.value)} />
            </Field>
          </div>
          <Field label="Response headers" error={headersError} hint="One per line: Name: value">
            <textarea className="code" rows={3} value={draft.headers} onChange={(e) => set('headers', e.target.value)} spellCheck={false} />
          </Field>
          <Field label="Response body" error={errors['response.body']}>
            <textarea className="code" rows={3} value={draft.body} onChange={(e) => set('body', e.target.value)} spellCheck={false} />
          </Field>
        </fieldset>
        {unplaced.map(([key, message]) => (
          <p key={key} role="alert" className="error">{`${key}: ${message}`}</p>
        ))}
        {formError && <p role="alert" className="error">{formError}</p>}
        <DialogActions onCancel={onClose} tone="primary" label="Save changes" busyLabel="Saving…" busy={busy} />
      </form>
    </Modal>
  );
}

const KNOWN_FIELDS = new Set([
  'name',
  'dataSource',
  'typePath',
  'retention',
  'response.status',
  'response.headers',
  'response.body',
  'response.delayMs',
]);
