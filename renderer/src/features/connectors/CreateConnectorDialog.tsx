import { useState, type FormEvent } from 'react';
import { connectorCreateSchema, type Connector, type ConnectorSecrets } from '../../../../shared/schemas/connector';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useConnectorsStore } from '../../stores/connectors-store';
import { connectorTab, useTabsStore } from '../../stores/tabs-store';
import { apiFailure, AUTO, dataSourceFromChoice, fieldSentences, type DataSourceChoice, type FieldErrors } from './connector-form';
import { DataSourcePicker } from './DataSourcePicker';
import { SecretsRevealDialog } from './SecretsReveal';
import { DialogActions } from '../../components/DialogActions';

/**
 * Name and data source, checked with the engine's own schema as they are typed; each problem is said
 * next to its field with what to do (`fieldSentences`). Then the key and URLs, once.
 */
export function CreateConnectorDialog({ onClose }: { onClose: () => void }) {
  const create = useConnectorsStore((s) => s.create);
  const openTab = useTabsStore((s) => s.open);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState({ name: false, dataSource: false });
  const [source, setSource] = useState<DataSourceChoice>({ choice: AUTO, custom: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<(Connector & ConnectorSecrets) | null>(null);

  // The engine's answer (errors) first; else the schema's, once the field was left or the form sent.
  const parsed = fieldSentences(connectorCreateSchema, { name, dataSource: dataSourceFromChoice(source) });
  const problems: FieldErrors = 'fields' in parsed ? parsed.fields : {};
  const nameError = errors.name ?? (touched.name ? problems.name : undefined);
  const dataSourceError = errors.dataSource ?? (touched.dataSource ? problems.dataSource : undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTouched({ name: true, dataSource: true });
    setFormError(null);
    if ('fields' in parsed) return;
    setBusy(true);
    try {
      const answer = await create({ name: parsed.data.name, dataSource: parsed.data.dataSource });
      setCreated(answer);
      openTab(connectorTab(answer));
    } catch (error) {
      const failure = apiFailure(error);
      setErrors(failure.fields);
      setFormError(failure.form);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return <SecretsRevealDialog title={`Connector "${created.name}" created`} secrets={created} onClose={onClose} />;
  }

  return (
    <Modal title="New connector" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Name" error={nameError} hint="Letters, digits, spaces, _ and -; up to 64 characters.">
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
        <DataSourcePicker
          value={source}
          onChange={(next) => {
            setSource(next);
            setErrors(({ dataSource: _d, ...rest }) => rest);
          }}
          error={dataSourceError}
        />
        {formError && <p role="alert" className="error">{formError}</p>}
        <DialogActions onCancel={onClose} tone="primary" label="Create connector" busyLabel="Creating…" busy={busy} />
      </form>
    </Modal>
  );
}
