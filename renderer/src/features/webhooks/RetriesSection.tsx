import { BACKOFF_KINDS, retryPolicySchema, type BackoffKind } from '../../../../shared/retry/retry-policy';
import { formatDelay, retrySchedule } from '../../../../shared/retry/retry-schedule';
import { Field } from '../../components/Field';
import type { DraftApi } from './use-webhook-draft';
import type { WebhookDraft } from './webhook-draft';

type NumberKey = Exclude<keyof WebhookDraft['retry'], 'backoff'>;

const NUMBERS: { key: NumberKey; label: string; hint: string; step?: string }[] = [
  { key: 'maxAttempts', label: 'Max attempts', hint: '1 to 20' },
  { key: 'initialDelaySeconds', label: 'Initial delay (seconds)', hint: '0 to 86400' },
  { key: 'maxDelaySeconds', label: 'Max delay (seconds)', hint: 'Cap on any one wait' },
  { key: 'jitter', label: 'Jitter', hint: '0 to 1: ± this fraction of each wait', step: '0.05' },
];

/** How a failed delivery is retried, with the schedule it gives. */
export function RetriesSection({ d }: { d: DraftApi }) {
  const { draft, errors, change } = d;
  const retry = draft.retry;
  const parsed = retryPolicySchema.safeParse({
    maxAttempts: Number(retry.maxAttempts),
    backoff: retry.backoff,
    initialDelaySeconds: Number(retry.initialDelaySeconds),
    maxDelaySeconds: Number(retry.maxDelaySeconds),
    jitter: Number(retry.jitter),
  });
  const schedule = parsed.success ? retrySchedule(parsed.data) : null;
  return (
    <fieldset>
      <legend>Retries</legend>
      <div className="field-row three">
        <Field label="Backoff" error={errors['retry.backoff']}>
          <select value={retry.backoff} onChange={(e) => change('retry', { ...retry, backoff: e.target.value as BackoffKind })}>
            {BACKOFF_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </Field>
        {NUMBERS.map((n) => (
          <Field key={n.key} label={n.label} error={errors[`retry.${n.key}`]} hint={n.hint}>
            <input type="number" step={n.step ?? '1'} min={0} value={retry[n.key]} onChange={(e) => change('retry', { ...retry, [n.key]: e.target.value })} />
          </Field>
        ))}
      </div>
      {schedule ? (
        <ol className="schedule" aria-label="Retry schedule">
          {schedule.map((s) => (
            <li key={s.attempt}>
              Attempt {s.attempt}:{' '}
              {s.attempt === 1
                ? 'at once'
                : `${formatDelay(s.delayMs)} after the previous one${s.minDelayMs !== s.maxDelayMs ? ` (${formatDelay(s.minDelayMs)}–${formatDelay(s.maxDelayMs)})` : ''}, about ${formatDelay(s.afterFirstMs)} after the first`}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">Fix the retry settings to see the schedule.</p>
      )}
    </fieldset>
  );
}
