import { BUILT_IN_DATA_SOURCES } from '../../../../shared/schemas/connector';
import { Field } from '../../components/Field';
import { AUTO, CUSTOM, type DataSourceChoice } from './connector-form';

/** Data source: auto-discover (null), one of the built-in senders, or a custom name. */
export function DataSourcePicker({ value, onChange, error }: { value: DataSourceChoice; onChange: (next: DataSourceChoice) => void; error?: string | undefined }) {
  return (
    <>
      <Field
        label="Data source"
        hint="Tags every event of this connector. Auto-discover recognises GitHub, Stripe, CloudEvents and others from each request."
        error={value.choice === CUSTOM ? undefined : error}
      >
        <select value={value.choice} onChange={(e) => onChange({ ...value, choice: e.target.value })}>
          <option value={AUTO}>Auto-discover</option>
          {BUILT_IN_DATA_SOURCES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
      </Field>
      {value.choice === CUSTOM && (
        <Field label="Custom data source" error={error}>
          <input value={value.custom} onChange={(e) => onChange({ ...value, custom: e.target.value })} placeholder="e.g. Acme ERP" autoComplete="off" />
        </Field>
      )}
    </>
  );
}
