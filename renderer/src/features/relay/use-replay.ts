import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import type { Connector } from '../../../../shared/schemas/connector';
import type { HookEvent } from '../../../../shared/schemas/event';
import { replayRequestSchema, type ReplayInvocation } from '../../../../shared/schemas/replay';
import type { Webhook } from '../../../../shared/schemas/webhook';
import { api } from '../../api/client';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { fieldErrors, type FieldErrors } from '../connectors/connector-form';
import { isMissingRoute } from './missing-route';
import { editableBody, editableHeaders, replayRequestOf, type EditableBody, type ReplayForm } from './replay-request';

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

export interface ReplayApi {
  original: { body: EditableBody; headers: string };
  form: ReplayForm;
  forwardUrl: string | null;
  webhooks: Webhook[];
  errors: FieldErrors;
  formError: string | null;
  /** Progress while sending, then the outcome in words. */
  status: string;
  busy: boolean;
  answer: { invocation: ReplayInvocation; time: string } | null;
  edited: boolean;
  set<K extends keyof ReplayForm>(key: K, value: ReplayForm[K]): void;
  undoEdits(): void;
  send(): Promise<void>;
}

/** The replay dialog's state: the form (target, body, headers) prefilled from the event, its checks and Send. */
export function useReplay(event: HookEvent, connector: Connector | undefined, onReplayed: () => void): ReplayApi {
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
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ReplayApi['answer']>(null);
  const busyRef = useRef(false);
  const formRef = useRef(form);
  formRef.current = form;
  const contextRef = useRef({ event, forwardUrl, webhooks, onReplayed });
  contextRef.current = { event, forwardUrl, webhooks, onReplayed };

  const set = useCallback(<K extends keyof ReplayForm>(key: K, value: ReplayForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const undoEdits = useCallback(() => {
    setForm((f) => ({ ...f, body: original.body.kind === 'text' ? original.body.text : '', headers: original.headers }));
  }, [original]);

  const send = useCallback(async (): Promise<void> => {
    if (busyRef.current) return;
    const current = formRef.current;
    const ctx = contextRef.current;
    const where =
      current.target === 'forward'
        ? (ctx.forwardUrl ?? 'the forward target')
        : current.target === 'webhook'
          ? `webhook "${ctx.webhooks.find((w) => w.id === current.webhookId)?.name ?? current.webhookId}"`
          : current.url.trim();
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
    setStatus(`Sending the replay to ${where}…`);
    try {
      const invocation = await api.replayEvent(ctx.event.id, checked.data);
      setAnswer({ invocation, time: new Date().toISOString() });
      setStatus(outcome(invocation, where));
      ctx.onReplayed();
    } catch (error) {
      const failure = failureMessage(error);
      setErrors(failure.fields);
      setFormError(failure.form);
      setStatus('');
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [original]);

  const edited = (original.body.kind === 'text' && form.body !== original.body.text) || form.headers.trim() !== original.headers.trim();
  return { original, form, forwardUrl, webhooks, errors, formError, status, busy, answer, edited, set, undoEdits, send };
}
