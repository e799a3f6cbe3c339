import { useId } from 'react';
import { EVENT_STATUS_FILTERS, EVENT_STATUS_LABELS, type EventStatusFilter } from '../../../../shared/matching/event-search';

export interface EventSearchValue {
  /** A glob (`order.*`) or a prefix (`invoice`), or '' for all types. */
  type: string;
  /** Text in the id, the type, a header or the body, or ''. */
  text: string;
  status: EventStatusFilter | '';
}

export const EMPTY_SEARCH: EventSearchValue = { type: '', text: '', status: '' };

/** The search as the API and the live filter take it. */
export function toEventSearch(value: EventSearchValue): { type?: string; text?: string; status?: EventStatusFilter } {
  const type = value.type.trim();
  const text = value.text.trim();
  return { ...(type ? { type } : {}), ...(text ? { text } : {}), ...(value.status ? { status: value.status } : {}) };
}

/** Type (glob or prefix, with the types seen so far offered), any text, relay status; the caller debounces. */
export function EventSearchBar({ value, onChange, types }: { value: EventSearchValue; onChange: (next: EventSearchValue) => void; types: string[] }) {
  const listId = useId();
  return (
    <div className="filters event-search" role="search" aria-label="Find events">
      <input
        type="search"
        className="filter-type"
        placeholder="Type: order.* or invoice"
        value={value.type}
        list={listId}
        maxLength={200}
        onChange={(e) => onChange({ ...value, type: e.target.value })}
        aria-label="Filter by type (glob like order.* or a prefix)"
      />
      <datalist id={listId}>
        {types.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <input
        type="search"
        className="filter-text"
        placeholder="Search id, headers, body"
        value={value.text}
        maxLength={200}
        onChange={(e) => onChange({ ...value, text: e.target.value })}
        aria-label="Search id, headers and body"
      />
      <select aria-label="Filter by status" value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value as EventSearchValue['status'] })}>
        <option value="">Any status</option>
        {EVENT_STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {EVENT_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}
