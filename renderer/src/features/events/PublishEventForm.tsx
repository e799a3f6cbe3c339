import { useState } from 'react';
import { ApiError } from '../../../../shared/api/api-error';
import { publishEventSchema } from '../../../../shared/schemas/event';
import { issuesToFields } from '../../../../shared/validation';
import { CodeEditor } from '../../components/CodeEditor';
import { useEventsStore } from '../../stores/events-store';

const SAMPLE = JSON.stringify({ type: 'order.created', severity: 'info', entity: { id: 42, total: 19.99 } }, null, 2);

/**
 * Publish a synthetic event (`POST /events`), edited as JSON in Monaco and validated with the
 * same schema the engine uses. Ctrl/Cmd+Enter publishes.
 */
export function PublishEventForm() {
  const publish = useEventsStore((s) => s.publish);
  const select = useEventsStore((s) => s.select);
  const [text, setText] = useState(SAMPLE);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setProblem(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setProblem(`Not valid JSON: ${(error as Error).message}`);
      return;
    }
    const result = publishEventSchema.safeParse(parsed);
    if (!result.success) {
      setProblem(Object.entries(issuesToFields(result.error.issues)).map(([k, v]) => `${k}: ${v}`).join('; '));
      return;
    }
    setBusy(true);
    try {
      const event = await publish(result.data);
      select(event.id);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : (error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="publish" aria-labelledby="publish-title">
      <h3 id="publish-title">Publish a test event</h3>
      <CodeEditor label="Event JSON" value={text} onChange={setText} onSubmit={() => void submit()} height={160} />
      {problem && <p role="alert" className="error">{problem}</p>}
      <button type="button" onClick={() => void submit()} disabled={busy} aria-keyshortcuts="Control+Enter">
        {busy ? 'Publishing…' : 'Publish event'}
      </button>
    </section>
  );
}
