import type { Invocation } from '../../../../shared/schemas/delivery';
import { DiffEditor } from '../../components/DiffEditor';
import { HeadersTable } from '../../components/HeadersTable';
import { answerBodyText, diffSummary } from './answer-diff';

/** One answer in brief: status, time taken, what went wrong, headers. */
function AnswerCard({ title, invocation, time }: { title: string; invocation: Invocation; time?: string | undefined }) {
  const { response } = invocation;
  return (
    <section className="answer-card" aria-label={title}>
      <h4>{title}</h4>
      <p className="mono">
        {response ? `HTTP ${response.status}` : 'No response'} · {Math.round(invocation.durationMs)} ms
        {time ? ` · ${new Date(time).toLocaleTimeString()}` : ''}
      </p>
      {invocation.error && <p className="error small">{invocation.error}</p>}
      {response && <HeadersTable label={`${title} headers`} headers={response.headers} />}
    </section>
  );
}

/**
 * A new answer beside the earlier one from the same target: a one-line summary ("Status 200 → 500 ·
 * 3 lines changed"), both answers in brief, and their bodies side by side in Monaco's diff editor.
 */
export function AnswerComparison({ previous, current, previousTime, currentTime }: {
  previous: Invocation | null | undefined;
  current: Invocation;
  previousTime?: string | undefined;
  currentTime?: string | undefined;
}) {
  const summary = diffSummary(previous, current);
  const currentText = answerBodyText(current);
  const json = (text: string): boolean => /^[[{]/.test(text.trim());
  const previousText = previous ? answerBodyText(previous) : '';
  // Tall enough for both bodies (19 px a line), within 120..480 px.
  const lines = Math.max(previousText.split('\n').length, currentText.split('\n').length);
  const height = Math.min(480, Math.max(120, lines * 19 + 24));
  return (
    <div className="answer-comparison">
      <p className="diff-summary" role="status" aria-label="Diff summary">
        {summary}
      </p>
      <div className="answers">
        {previous ? <AnswerCard title="Previous answer" invocation={previous} time={previousTime} /> : null}
        <AnswerCard title="This answer" invocation={current} time={currentTime} />
      </div>
      {previous ? (
        <DiffEditor
          label="Response body diff"
          originalLabel="Previous response body"
          modifiedLabel="This response body"
          original={previousText}
          modified={currentText}
          language={json(currentText) || json(previousText) ? 'json' : 'plaintext'}
          height={height}
        />
      ) : (
        <pre aria-label="This response body">{currentText || '(empty body)'}</pre>
      )}
    </div>
  );
}
