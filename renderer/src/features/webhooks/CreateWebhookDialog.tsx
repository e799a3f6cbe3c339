import { useState, type FormEvent } from 'react';
import { insecureTargetWarning, webhookCreateSchema, webhookFieldSchemas } from '../../../../shared/schemas/webhook';
import { DialogActions } from '../../components/DialogActions';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useTabsStore, webhookTab } from '../../stores/tabs-store';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { apiFailure, fieldErrors, type FieldErrors } from '../connectors/connector-form';

function inlineError(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: string, touched: boolean, what: string): string | undefined {
  if (!touched) return undefined;
  const check = schema.safeParse(value);
  return check.success ? undefined : `${what} ${check.error?.issues[0]?.message ?? 'is invalid'}.`;
}

/** Name and URL (everything else takes its default), validated with the engine's schema; then the webhook's page opens. */
export function CreateWebhookDialog({ onClose }: { onClose: () => void }) {
  const create = useWebhooksStore((s) => s.create);
  const openTab = useTabsStore((s) => s.open);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [touched, setTouched] = useState({ name: false, url: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const nameError = errors.name ?? inlineError(webhookFieldSchemas.name, name, touched.name, 'Name');
  const urlError = errors.url ?? inlineError(webhookFieldSchemas.url, url, touched.url, 'URL');
  const warning = insecureTargetWarning(url);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTouched({ name: true, url: true });
    setFormError(null);
    const parsed = fieldErrors(webhookCreateSchema, { name, url });
    if ('fields' in parsed) {
      setErrors(parsed.fields);
      return;
    }
    setBusy(true);
    try {
      const created = await create({ name: parsed.data.name, url: parsed.data.url });
      openTab(webhookTab(created));
      onClose();
    } catch (error) {
      const failure = apiFailure(error);
      setErrors(failure.fields);
      setFormError(failure.form);
      setBusy(false);
    }
  };

  return (
    <Modal title="New webhook" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Name" error={nameError} hint="Letters, digits, spaces, ., _ and -; up to 64 characters; unique.">
          <input
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setErrors(({ name: _n, ...rest }) => rest);
            }}
            onBlur={() => setTouched((t) => ({ ...t, name: true }))}
            autoFocus
            autoComplete="off"
            required
          />
        </Field>
        <Field label="URL" error={urlError} hint="Where events are sent: an http or https URL.">
          <input
            type="url"
            value={url}
            placeholder="https://example.com/hooks/hookdesk"
            onChange={(e) => {
              setUrl(e.target.value);
              setErrors(({ url: _u, ...rest }) => rest);
            }}
            onBlur={() => setTouched((t) => ({ ...t, url: true }))}
            autoComplete="off"
            required
          />
        </Field>
        {warning && <p className="notice">{warning}</p>}
        <p className="muted">Every other setting starts at its default: all events, POST JSON, no auth, no secret, 5 attempts.</p>
        {formError && <p role="alert" className="error">{formError}</p>}
        <DialogActions onCancel={onClose} tone="primary" label="Create webhook" busyLabel="Creating…" busy={busy} />
      </form>
    </Modal>
  );
}
