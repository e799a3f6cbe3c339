import { useId } from 'react';
import { Field } from '../../components/Field';
import { errorAt } from './draft-to-patch';
import type { DraftApi } from './use-webhook-draft';
import type { EventRow, WebhookDraft } from './webhook-draft';
import type { EventTypeSummary } from '../../../../shared/schemas/event-type';

const FILTERS: { key: keyof WebhookDraft['filters']; label: string }[] = [
  { key: 'connectorIds', label: 'Only from connectors (ids)' },
  { key: 'dataSources', label: 'Only from data sources' },
  { key: 'severities', label: 'Only with severities' },
];

/** Which events go out: all, or rows of {type (glob), version, severity}; then the filters that narrow them. */
export function EventsSection({ d, eventTypes }: { d: DraftApi; eventTypes: EventTypeSummary[] }) {
  const { draft, errors, change } = d;
  const listId = useId();
  const { all, rows } = draft.events;
  const setRows = (next: EventRow[]): void => change('events', { all: false, rows: next });
  const setRow = (index: number, patch: Partial<EventRow>): void => setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>Events and filters</legend>
      <div role="radiogroup" aria-label="Which events" className="radio-row">
        <label className="check">
          <input type="radio" name={`${listId}-events`} checked={all} onChange={() => change('events', { all: true, rows })} /> All events
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${listId}-events`}
            checked={!all}
            onChange={() => change('events', { all: false, rows: rows.length > 0 ? rows : [{ type: '', version: '', severity: '' }] })}
          />{' '}
          Only these events
        </label>
      </div>
      <p className="muted small">
        Hookdesk&apos;s own events (webhook.failed, webhook.restarted, connector.status_changed) are sent only to webhooks that name them, e.g.{' '}
        <code>webhook.failed</code> or <code>connector.*</code>; &quot;All events&quot; and <code>*</code> leave them out.
      </p>
      {errors.events && <p className="error field-error">Events {errors.events}</p>}
      <datalist id={listId}>
        {eventTypes.map((t) => (
          <option key={t.type} value={t.type}>
            {t.origin === 'system' ? 'raised by Hookdesk' : `${t.count} received`}
          </option>
        ))}
      </datalist>
      {!all && (
        <ul className="rows" aria-label="Event selectors">
          {rows.map((row, index) => (
            <li key={index} className="row-fields">
              <Field label={`Event type ${index + 1}`} error={errors[`events.${index}.type`]}>
                <input list={listId} value={row.type} placeholder="order.created or order.*" onChange={(e) => setRow(index, { type: e.target.value })} autoComplete="off" />
              </Field>
              <Field label={`Version ${index + 1}`} error={errors[`events.${index}.version`]}>
                <input value={row.version} placeholder="any" onChange={(e) => setRow(index, { version: e.target.value })} />
              </Field>
              <Field label={`Severity ${index + 1}`} error={errors[`events.${index}.severity`]}>
                <input value={row.severity} placeholder="any" onChange={(e) => setRow(index, { severity: e.target.value })} />
              </Field>
              <button type="button" className="remove" aria-label={`Remove event type ${index + 1}`} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {!all && (
        <button type="button" onClick={() => setRows([...rows, { type: '', version: '', severity: '' }])}>
          Add event type
        </button>
      )}
      <div className="field-row three">
        {FILTERS.map((f) => (
          <Field key={f.key} label={f.label} error={errorAt(errors, `filters.${f.key}`) ?? errors.filters} hint="Comma separated; empty: no filter">
            <input value={draft.filters[f.key]} onChange={(e) => change('filters', { ...draft.filters, [f.key]: e.target.value })} autoComplete="off" />
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
