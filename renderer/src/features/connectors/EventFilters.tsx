import { useId } from 'react';
import type { EventFilter } from './use-connector-events';

/** Type (exact, with the types seen so far offered) and body text; the caller debounces. */
export function EventFilters({ value, onChange, types }: { value: EventFilter; onChange: (next: EventFilter) => void; types: string[] }) {
  const listId = useId();
  return (
    <div className="filters" role="search" aria-label="Filter events">
      <label>
        <span className="sr-only">Filter by type</span>
        <input
          type="search"
          placeholder="Type, e.g. order.created"
          value={value.type}
          list={listId}
          onChange={(e) => onChange({ ...value, type: e.target.value })}
          aria-label="Filter by type"
        />
      </label>
      <datalist id={listId}>
        {types.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <label>
        <span className="sr-only">Search body text</span>
        <input
          type="search"
          placeholder="Search body text"
          value={value.q}
          onChange={(e) => onChange({ ...value, q: e.target.value })}
          aria-label="Search body text"
        />
      </label>
    </div>
  );
}
