import { useId, useState, type KeyboardEvent } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import { CodeEditor } from '../../components/CodeEditor';
import { decodedNote, prettyBody, rawBody } from './event-body';

const VIEWS = ['Pretty', 'Raw'] as const;
type View = (typeof VIEWS)[number];

/**
 * The event body in a read-only Monaco, as "Pretty" (indented) or "Raw" (the bytes as received). A body
 * the engine kept without parsing (nested too deep) says so above the editor, in the engine's words;
 * a capture sent compressed (Content-Encoding) says that Pretty is the decoded body and Raw the bytes.
 */
export function BodyView({ event }: { event: HookEvent }) {
  const [view, setView] = useState<View>('Pretty');
  const id = useId();
  const shown = view === 'Pretty' ? prettyBody(event) : rawBody(event);
  const decoded = decodedNote(event);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = view === 'Pretty' ? 'Raw' : 'Pretty';
    setView(next);
    document.getElementById(`${id}-${next}`)?.focus();
  };
  return (
    <div className="body-view">
      {event.bodyNote !== undefined && (
        <p className="notice" role="note">
          {event.bodyNote}
        </p>
      )}
      {decoded !== null && (
        <p className="muted small" role="note" aria-label="Content encoding">
          {decoded}
        </p>
      )}
      <div role="tablist" aria-label="Body view" className="segmented" onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v}
            id={`${id}-${v}`}
            type="button"
            role="tab"
            aria-selected={view === v}
            aria-controls={`${id}-panel`}
            tabIndex={view === v ? 0 : -1}
            onClick={() => setView(v)}
          >
            {v}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${view}`}>
        <CodeEditor label={view === 'Pretty' ? 'Event body' : 'Raw event body'} value={shown.text} language={shown.language} readOnly height={320} />
      </div>
    </div>
  );
}
