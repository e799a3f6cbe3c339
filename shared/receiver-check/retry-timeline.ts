import type { ReceiverCheckProfileName, RetryTimeline, RetryTimelineAttempt } from '../schemas/receiver-check';
import { senderProfile } from './profiles';

/**
 * What the real sender would do with one event if the receiver were down for `downForSeconds`
 * from the first attempt on: each attempt of its published schedule, which one gets through, or
 * when it gives up on the event and whether it also switches the endpoint off. Computed, never
 * waited for. An attempt at exactly `downForSeconds` finds the receiver back up.
 */
export function retryTimeline(profileName: ReceiverCheckProfileName, downForSeconds: number): RetryTimeline {
  const profile = senderProfile(profileName);
  const schedule = profile.retry;
  const down = Math.max(0, Math.floor(downForSeconds));
  const attempts: RetryTimelineAttempt[] = [];
  let at = 0;
  let deliveredAtSeconds: number | null = null;
  for (let i = 0; i <= schedule.delaysSeconds.length; i++) {
    if (i > 0) at += schedule.delaysSeconds[i - 1] ?? 0;
    const succeeded = at >= down;
    attempts.push({ attempt: i + 1, atSeconds: at, outcome: succeeded ? 'succeeded' : 'failed' });
    if (succeeded) {
      deliveredAtSeconds = at;
      break;
    }
  }
  const disableAfter = schedule.disableAfterSeconds;
  const delivered = deliveredAtSeconds !== null;
  const gaveUpAtSeconds = delivered ? null : at;
  const disabledAtSeconds = delivered
    ? null
    : schedule.disableAtGiveUp
      ? at
      : disableAfter !== null && down >= disableAfter
        ? disableAfter
        : null;
  const outcome = delivered ? 'delivered' : disabledAtSeconds !== null ? 'disabled' : 'gave-up';
  return {
    profile: profileName,
    downForSeconds: down,
    attempts,
    outcome,
    deliveredAtSeconds,
    gaveUpAtSeconds,
    disabledAtSeconds,
    summary: summarize(profile.label, schedule.giveUp, schedule.disable, { attempts, deliveredAtSeconds, gaveUpAtSeconds, disabledAtSeconds, down }),
    approximate: schedule.approximate,
    sourceUrl: schedule.sourceUrl,
  };
}

function summarize(
  label: string,
  giveUp: string,
  disable: string,
  t: { attempts: RetryTimelineAttempt[]; deliveredAtSeconds: number | null; gaveUpAtSeconds: number | null; disabledAtSeconds: number | null; down: number },
): string {
  const downFor = t.down === 0 ? 'up' : `down for ${formatDuration(t.down * 1000)}`;
  if (t.deliveredAtSeconds !== null) {
    const failed = t.attempts.length - 1;
    if (failed === 0) return `With the receiver ${downFor}, ${label} delivers the event on the first attempt.`;
    const errors = failed === 1 ? 'the failed attempt before it shows' : `the ${failed} failed attempts before it show`;
    return `With the receiver ${downFor}, ${label} delivers the event on attempt ${failed + 1}, ${formatDuration(t.deliveredAtSeconds * 1000)} after the first; ${errors} in the sender's delivery log.`;
  }
  const lost =
    t.attempts.length === 1
      ? `With the receiver ${downFor}, ${label} makes one attempt and does not retry: the event is lost unless you redeliver it. ${giveUp}`
      : `With the receiver ${downFor}, ${label} gives up on the event after ${t.attempts.length} attempts, ${formatDuration((t.gaveUpAtSeconds ?? 0) * 1000)} after the first: you must fetch or resend it yourself. ${giveUp}`;
  if (t.disabledAtSeconds !== null) return `${lost} ${disable} Here that happens ${formatDuration(t.disabledAtSeconds * 1000)} after the first failure.`;
  return `${lost} ${disable}`;
}

/** "45 s", "5 min", "2 h 35 min", "1 d 3 h": a short duration for timelines and scorecards. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    const min = Math.round((s % 3600) / 60);
    return min === 0 ? `${h} h` : min === 60 ? `${h + 1} h` : `${h} h ${min} min`;
  }
  const d = Math.floor(s / 86_400);
  const h = Math.round((s % 86_400) / 3600);
  return h === 0 ? `${d} d` : h === 24 ? `${d + 1} d` : `${d} d ${h} h`;
}
