import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { DELIVERY_STATUSES, type Delivery, type DeliveryListQuery } from '../../../../shared/schemas/delivery';
import { api } from '../../api/client';
import { relativeTime } from '../../lib/format';
import { useNow } from '../../lib/hooks';
import { BulkBar, type BulkAction } from '../events/BulkBar';
import { runBulk } from '../events/run-bulk';
import { useMultiSelect } from '../events/use-multi-select';
import { DELIVERY_PAGE_SIZE, type DeliveriesPage } from './use-webhook-deliveries';

export interface DeliveryFilterValue {
  status: string;
  code: string;
  eventType: string;
}

export const EMPTY_DELIVERY_FILTER: DeliveryFilterValue = { status: '', code: '', eventType: '' };

const CODE_PATTERN = /^([1-5][0-9][0-9]|[1-5]xx|none)$/i;

/** The filter as the API takes it; a code that is not one yet (typing "5") is left out. */
export function toDeliveryQuery(value: DeliveryFilterValue): DeliveryListQuery {
  const code = value.code.trim();
  const eventType = value.eventType.trim();
  return {
    ...(value.status ? { status: value.status as DeliveryListQuery['status'] } : {}),
    ...(CODE_PATTERN.test(code) ? { code } : {}),
    ...(eventType ? { eventType } : {}),
  };
}

interface Props {
  page: DeliveriesPage;
  pageNumber: number;
  onPage: (page: number) => void;
  filter: DeliveryFilterValue;
  onFilter: (next: DeliveryFilterValue) => void;
  selectedId: string | null;
  onOpen: (deliveryId: string) => void;
}

function DeliveryFilters({ value, onChange }: { value: DeliveryFilterValue; onChange: (next: DeliveryFilterValue) => void }) {
  const code = value.code.trim();
  const badCode = code !== '' && !CODE_PATTERN.test(code);
  return (
    <div className="filters delivery-filters" role="search" aria-label="Filter deliveries">
      <select aria-label="Filter by delivery status" value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value })}>
        <option value="">Any status</option>
        {DELIVERY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <input
        type="search"
        className="filter-code"
        placeholder="Code: 500, 5xx, none"
        aria-label="Filter by response code (500, 5xx or none)"
        aria-invalid={badCode}
        title={badCode ? 'A code (404), a class (5xx) or none' : undefined}
        value={value.code}
        maxLength={4}
        onChange={(e) => onChange({ ...value, code: e.target.value })}
      />
      <input
        type="search"
        placeholder="Event type: order.*"
        aria-label="Filter by event type (glob or prefix)"
        value={value.eventType}
        maxLength={200}
        onChange={(e) => onChange({ ...value, eventType: e.target.value })}
      />
    </div>
  );
}

/**
 * The webhook's deliveries, newest first, paged ("100 of 209") and filtered, the first page live.
 * Rows select like the event list (click, Shift+click, Ctrl/Cmd+click, Ctrl/Cmd+A) for Redeliver
 * on many; each row opens in the inspector or goes out again on its own.
 */
export function DeliveriesList({ page, pageNumber, onPage, filter, onFilter, selectedId, onOpen }: Props) {
  const { deliveries, total, pageAmount, loaded, error } = page;
  const now = useNow(10_000);
  const [message, setMessage] = useState<string | null>(null);
  const ids = useMemo(() => deliveries.map((d) => d.id), [deliveries]);
  const selection = useMultiSelect(ids);
  const selectedRef = useRef<Delivery[]>([]);
  selectedRef.current = deliveries.filter((d) => selection.selected.has(d.id));
  const filtered = filter.status !== '' || filter.code.trim() !== '' || filter.eventType.trim() !== '';

  const redeliver = async (delivery: Delivery): Promise<void> => {
    setMessage(null);
    try {
      const again = await api.redeliver(delivery.id);
      setMessage(`Redelivery of ${delivery.eventType} queued.`);
      onOpen(again.id);
    } catch (err) {
      setMessage(`Could not redeliver: ${(err as Error).message}`);
    }
  };
  const actions: BulkAction[] = useMemo(
    () => [
      {
        label: 'Redeliver',
        verb: 'queued again',
        run: (progress) =>
          runBulk(
            selectedRef.current,
            async (d) => {
              await api.redeliver(d.id);
              return null;
            },
            (d) => `${d.eventType} (${d.id})`,
            progress,
          ),
      },
    ],
    [],
  );

  const onRowClick = (e: MouseEvent, id: string): void => {
    if ((e.target as HTMLElement).closest('button')) return;
    if (e.shiftKey) window.getSelection()?.removeAllRanges();
    selection.pick(id, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a' && !(e.target as HTMLElement).matches('input, textarea')) {
      e.preventDefault();
      selection.selectAll();
    }
  };
  const first = (pageNumber - 1) * DELIVERY_PAGE_SIZE;
  const countLine = !loaded
    ? 'Loading deliveries…'
    : total === 0
      ? ''
      : deliveries.length < total
        ? `${first + 1}–${first + deliveries.length} of ${total.toLocaleString()}${filtered ? ' matching' : ''} (${deliveries.length} shown)`
        : `${total.toLocaleString()}${filtered ? ' matching' : ''} deliver${total === 1 ? 'y' : 'ies'}`;

  return (
    <section className="deliveries" aria-labelledby="deliveries-title">
      <h3 id="deliveries-title">Deliveries</h3>
      <DeliveryFilters value={filter} onChange={onFilter} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status" className="muted small">
        {message}
      </p>
      <div className="deliveries-count">
        <span className="muted small" aria-live="polite">
          {countLine}
        </span>
        {pageAmount > 1 && (
          <nav className="pager" aria-label="Delivery pages">
            <button type="button" disabled={pageNumber <= 1} onClick={() => onPage(pageNumber - 1)}>
              Newer
            </button>
            <span className="small">
              Page {pageNumber} of {pageAmount}
            </span>
            <button type="button" disabled={pageNumber >= pageAmount} onClick={() => onPage(pageNumber + 1)}>
              Older
            </button>
          </nav>
        )}
      </div>
      <BulkBar count={selection.selected.size} noun={['delivery', 'deliveries']} actions={actions} onClear={selection.clear} />
      {loaded && deliveries.length === 0 && (
        <p className="muted">{filtered ? 'No delivery matches this filter.' : 'No deliveries yet. Matching events appear here as they are sent.'}</p>
      )}
      {deliveries.length > 0 && (
        <div className="table-scroll">
          <table className="table deliveries-table" aria-label="Deliveries" tabIndex={0} onKeyDown={onKeyDown}>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Code</th>
                <th scope="col">Event</th>
                <th scope="col" className="col-optional">
                  Duration
                </th>
                <th scope="col" className="col-optional">
                  Attempts
                </th>
                <th scope="col">Time</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => {
                const isSelected = selection.selected.has(d.id);
                const classes = [isSelected ? 'picked' : '', d.id === selectedId ? 'selected' : ''].filter(Boolean).join(' ') || undefined;
                return (
                  <tr key={d.id} className={classes} aria-selected={isSelected} aria-current={d.id === selectedId ? 'true' : undefined} onClick={(e) => onRowClick(e, d.id)}>
                    <td className={`delivery-${d.status}`}>{d.status}</td>
                    <td>{d.responseStatus ?? '—'}</td>
                    <td className="delivery-event" title={`${d.eventType}${d.trigger !== 'scheduled' ? ` (${d.trigger})` : ''}`}>
                      {d.eventType}
                      {d.trigger !== 'scheduled' && <span className="muted"> ({d.trigger})</span>}
                    </td>
                    <td className="col-optional">{d.durationMs === null ? '—' : `${Math.round(d.durationMs)} ms`}</td>
                    <td className="col-optional">{d.attempt}</td>
                    <td>
                      <time dateTime={d.createdTime} title={new Date(d.createdTime).toLocaleString()}>
                        {relativeTime(d.createdTime, now)}
                      </time>
                    </td>
                    <td className="row-actions">
                      <button type="button" aria-label={`Inspect ${d.eventType} delivery, ${d.status}`} onClick={() => onOpen(d.id)}>
                        Inspect
                      </button>
                      <button type="button" aria-label={`Redeliver ${d.eventType}`} onClick={() => void redeliver(d)}>
                        Redeliver
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
