import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { Connector } from '../../../../shared/schemas/connector';
import type { HookEvent } from '../../../../shared/schemas/event';
import { replayRequestSchema, type ReplayInvocation } from '../../../../shared/schemas/replay';
import { api } from '../../api/client';
import { CodeEditor } from '../../components/CodeEditor';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { formatBytes } from '../../lib/format';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { fieldErrors, type FieldErrors } from '../connectors/connector-form';
import { AnswerComparison } from './AnswerComparison';
import { isMissingRoute } from './missing-route';
import { editableBody, editableHeaders, replayRequestOf, type ReplayForm } from './replay-request';

/** What went wrong, and what to do about it. */
function failureMessage(error: unknown): { form: string; fields: FieldErrors } {
  if (error instanceof ApiError) {
    if (error.status === 400 && Object.keys(error.fields).length > 0) return { form: 'The replay was not sent: fix the marked fields, then press Send again.', fields: error.fields };
    if (isMissingRoute(error)) return { form: 'This engine cannot replay events (it has no replay route): update Hookdesk, then try again.', fields: {} };
    if (error.status === 404) return { form: `The replay was not sent: ${error.message} The event or the webhook may have been deleted; pick another one.`, fields: {} };
    return { form: `The replay was not sent: ${error.message}`, fields: error.fields };
  }
  return { form: `The replay was not sent: ${(error as Error).message}`, fields: {} };
}

/** After a send: what the target did, in a sentence that says what to do next when it failed. */
function outcome(answer: ReplayInvocation, where: string): string {
  if (answer.response) {
    const status = answer.response.status;
    return answer.ok ? `Sent to ${where}: HTTP ${status}.` : `Sent to ${where}: the target answered HTTP ${status}. Fix the target or the body, then press Send again.`;
  }
  return `Sent to ${where}, but no answer came: ${answer.error ?? 'unknown error'}. Is the target running and reachable? Start it, then press Send again.`;
}

/**
 * Replay one stored event: choose the target (the connector's forward target, a webhook, a URL),
 * edit the body (Monaco, prefilled with the exact bytes as text) and headers, Send (or
 * Ctrl/Cmd+Enter), then read the answer beside the earlier one with a side-by-side diff.
 */
export function ReplayDialog({ event, connector, onClose, onReplayed }: {
  event: HookEvent;
  connector: Connector | undefined;
  onClose: () => void;
  onReplayed: () => void;
}) {
  const webhooks = useWebhooksStore((s) => s.webhooks);
  const [original] = useState(() => ({ body: editableBody(event), headers: editableHeaders(event) }));
  const forwardUrl = connector?.forwardTo?.url ?? null;
  const [form, setForm] = useState<ReplayForm>(() => ({
    target: forwardUrl ? 'forward' : webhooks.length > 0 ? 'webhook' : 'url',
    webhookId: webhooks[0]?.id ?? '',
    url: '',
    body: original.body.kind === 'text' ? original.body.text : '',
    headers: original.headers,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ invocation: ReplayInvocation; time: string } | null>(null);
  const busyRef = useRef(false);
  const formRef = useRef(form);
  formRef.current = form;
  const groupId = useId();
  const answerRef = useRef<HTMLElement>(null);
  // A new answer: bring it into view (it sits below the request).
  useEffect(() => {
    if (answer) answerRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [answer]);
  const set = <K extends keyof ReplayForm>(key: K, value: ReplayForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  };

  const where = (f: ReplayForm): string =>
    f.target === 'forward' ? (forwardUrl ?? 'the forward target') : f.target === 'webhook' ? `webhook "${webhooks.find((w) => w.id === f.webhookId)?.name ?? f.webhookId}"` : f.url.trim();

  const send = async (): Promise<void> => {
    if (busyRef.current) return;
    const current = formRef.current;
    setFormError(null);
    const built = replayRequestOf(current, original);
    const checked = 'fields' in built ? built : fieldErrors(replayRequestSchema, built.request);
    if ('fields' in checked) {
      setErrors(checked.fields);
      setFormError('The replay was not sent: fix the marked fields, then press Send again.');
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setErrors({});
    setStatus(`Sending the replay to ${where(current)}…`);
    try {
      const invocation = await api.replayEvent(event.id, checked.data);
      setAnswer({ invocation, time: new Date().toISOString() });
      setStatus(outcome(invocation, where(current)));
      onReplayed();
    } catch (error) {
      const failure = failureMessage(error);
      setErrors(failure.fields);
      setFormError(failure.form);
      setStatus('');
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void send();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    void send();
  };
  const edited = (original.body.kind === 'text' && form.body !== original.body.text) || form.headers.trim() !== original.headers.trim();
  const unplaced = Object.entries(errors).filter(([key]) => !['url', 'webhookId', 'headers', 'body', 'target'].includes(key));

  return (
    <Modal title={`Replay ${event.type}`} onClose={onClose} wide="full">
      <form className="form replay-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
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
        <fieldset>
          <legend>Request</legend>
          {original.body.kind === 'text' ? (
            <>
              <CodeEditor label="Replay body" value={form.body} language={original.body.language} onChange={(v) => set('body', v)} onSubmit={() => void send()} height={220} />
              {errors.body && <p className="error small">{errors.body}</p>}
              <p className="muted small">
                {original.body.kind === 'text' && form.body !== original.body.text
                  ? 'Edited: the body is sent as shown. Signature headers still sign the original body, so a target that verifies them will refuse it.'
                  : 'Unchanged: the stored bytes are sent exactly as received.'}{' '}
                Ctrl/Cmd+Enter sends; Ctrl+M makes Tab leave the editor.
              </p>
            </>
          ) : (
            <p className="notice">
              This body is binary ({formatBytes(original.body.size)}): it cannot be edited here and is replayed exactly as it was received.
            </p>
          )}
          <Field label="Replay headers" error={errors.headers} hint="One 'Name: value' a line. Host, Content-Length and hop-by-hop headers are set when sending.">
            <textarea className="code" rows={5} value={form.headers} onChange={(e) => set('headers', e.target.value)} spellCheck={false} />
          </Field>
          {edited && (
            <div className="actions">
              <button type="button" onClick={() => setForm((f) => ({ ...f, body: original.body.kind === 'text' ? original.body.text : '', headers: original.headers }))}>
                Undo edits
              </button>
            </div>
          )}
        </fieldset>
        {unplaced.map(([key, message]) => (
          <p key={key} className="error">{`${key}: ${message}`}</p>
        ))}
        {formError && (
          <p role="alert" className="error">
            {formError}
          </p>
        )}
        <p role="status" className="muted small" aria-live="polite">
          {busy && <span className="spinner" aria-hidden="true" />}
          {status}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Sending…' : 'Send'}
          </button>
        </div>
        {answer && (
          <section aria-label="Replay answer" ref={answerRef}>
            <AnswerComparison previous={answer.invocation.previous} current={answer.invocation} currentTime={answer.time} />
          </section>
        )}
      </form>
    </Modal>
  );
}
