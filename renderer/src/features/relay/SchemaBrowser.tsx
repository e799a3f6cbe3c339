import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Connector } from '../../../../shared/schemas/connector';
import { CodeEditor } from '../../components/CodeEditor';
import { relativeTime } from '../../lib/format';
import { useDebouncedValue, useNow } from '../../lib/hooks';
import { useConnectorSchemas } from './use-connector-schemas';

/**
 * The JSON Schema inferred for each event type of a connector: a list of types (count, last seen)
 * moved through with the arrow keys, Home and End, and the selected type's schema (read-only Monaco).
 */
export function SchemaBrowser({ connector }: { connector: Connector }) {
  const version = useDebouncedValue(connector.eventCount, 1000);
  const { schemas, loading, error, reload } = useConnectorSchemas(connector.id, version);
  const [selectedType, setSelectedType] = useState<string | null>(null);
  const now = useNow();
  const listId = useId();
  const selected = schemas.find((s) => s.type === selectedType) ?? schemas[0] ?? null;
  useEffect(() => {
    if (selected && selected.type !== selectedType) setSelectedType(selected.type);
  }, [selected, selectedType]);

  const index = selected ? schemas.indexOf(selected) : -1;
  const moveTo = (next: number): void => {
    const item = schemas[Math.min(schemas.length - 1, Math.max(0, next))];
    if (item) setSelectedType(item.type);
  };
  const keys: Record<string, () => void> = {
    ArrowDown: () => moveTo(index + 1),
    ArrowUp: () => moveTo(index - 1),
    Home: () => moveTo(0),
    End: () => moveTo(schemas.length - 1),
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
  const optionId = (i: number): string => `${listId}-${i}`;

  return (
    <section className="schema-browser" aria-labelledby={`${listId}-title`}>
      <div className="section-head">
        <h3 id={`${listId}-title`}>Inferred schemas</h3>
        <button type="button" onClick={reload} disabled={loading}>
          {loading ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!loading && !error && schemas.length === 0 && (
        <p className="muted">No schema yet: one is inferred for each event type as events arrive on this connector.</p>
      )}
      {schemas.length > 0 && (
        <div className="schema-columns">
          <div
            role="listbox"
            aria-label="Event types"
            tabIndex={0}
            className="schema-types"
            aria-activedescendant={index >= 0 ? optionId(index) : undefined}
            onKeyDown={onKeyDown}
          >
            {schemas.map((s, i) => (
              <div
                key={s.type}
                id={optionId(i)}
                role="option"
                aria-selected={i === index}
                className={i === index ? 'schema-type selected' : 'schema-type'}
                onClick={() => setSelectedType(s.type)}
              >
                <span className="event-type">{s.type}</span>
                <span className="muted small">
                  {s.eventCount.toLocaleString()} event{s.eventCount === 1 ? '' : 's'}, last seen{' '}
                  <time dateTime={s.lastSeenTime} title={new Date(s.lastSeenTime).toLocaleString()}>
                    {relativeTime(s.lastSeenTime, now)}
                  </time>
                </span>
              </div>
            ))}
          </div>
          {selected && (
            <div className="schema-view">
              <p className="muted small">
                Seen since {new Date(selected.firstSeenTime).toLocaleString()}. Every body of this type received so far satisfies this schema.
              </p>
              <CodeEditor label={`JSON Schema of ${selected.type}`} value={JSON.stringify(selected.schema, null, 2)} readOnly height={420} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
