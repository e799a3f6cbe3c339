import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { focusPageHeading } from '../../app/page-focus';
import { Modal } from '../../components/Modal';
import { looksLikeEventId, openEventById, paletteCommands, type Command } from './commands';
import { rankByMatch } from './match';
import { usePaletteStore } from './palette-store';

/** At most this many rows are shown; typing narrows the rest. */
const MAX_SHOWN = 50;

/**
 * Ctrl/Cmd+K: a combobox over every page, connector, webhook and action, matched by prefix, word
 * start or letters in order; an event id (`evt_…`) offers to open that event. Arrow keys move the
 * active option (read through aria-activedescendant, focus stays in the box), Enter runs it.
 */
export function CommandPalette() {
  const close = usePaletteStore((s) => s.close);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const all = useMemo(() => paletteCommands(), []);

  const shown = useMemo(() => {
    const ranked = rankByMatch(all, query, (c) => `${c.label} ${c.keywords ?? ''}`, (c) => c.exactKey).slice(0, MAX_SHOWN);
    if (!looksLikeEventId(query)) return ranked;
    const id = query.trim();
    const openEvent: Command = { id: `event:${id}`, label: `Open event ${id}`, group: 'Event', run: () => openEventById(id) };
    return [openEvent, ...ranked];
  }, [all, query]);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));
  const optionId = (i: number): string => `${listId}-option-${i}`;

  const run = async (command: Command | undefined): Promise<void> => {
    if (!command || busy) return;
    setBusy(true);
    setError(null);
    try {
      await command.run();
      // Actions that open their own dialog (shortcuts) replace the palette; the rest close it.
      if (usePaletteStore.getState().open === 'palette') close();
      // A page that was opened gets the focus, as with Enter in the sidebar.
      if (command.group !== 'Action') focusPageHeading();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const last = shown.length - 1;
    const next = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + 10, PageUp: activeIndex - 10 }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(last < 0 ? 0 : Math.min(Math.max(next, 0), last));
      document.getElementById(optionId(Math.min(Math.max(next, 0), Math.max(last, 0))))?.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      void run(shown[activeIndex]);
    }
  };

  return (
    <Modal title="Command palette" onClose={close} wide>
      <div className="palette">
        <input
          type="text"
          role="combobox"
          aria-label="Find a page, connector, webhook, event id or action"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown.length > 0 ? optionId(activeIndex) : undefined}
          placeholder="Type a name, an event id (evt_…) or an action"
          value={query}
          autoFocus
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="Matches" className="palette-list">
          {shown.map((command, i) => (
            <li
              key={command.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'palette-option active' : 'palette-option'}
              onMouseMove={() => i !== activeIndex && setActive(i)}
              onClick={() => void run(command)}
            >
              <span>{command.label}</span>
              <span className="muted">{command.group}</span>
            </li>
          ))}
        </ul>
        {shown.length === 0 && <p className="muted">Nothing matches “{query.trim()}”. An event id starts with evt_.</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
    </Modal>
  );
}
