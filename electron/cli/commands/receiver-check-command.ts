import { parseArgs } from 'node:util';
import { formatDuration } from '../../../shared/receiver-check/retry-timeline';
import { RECEIVER_CHECK_CASES, RECEIVER_CHECK_PROFILES, type ReceiverCheckCase, type ReceiverCheckRun } from '../../../shared/schemas/receiver-check';
import { HookdeskError } from '../../../shared/errors';
import { parseReceiverCheckRequest, runReceiverCheck } from '../../engine/receiver-check/run-receiver-check';
import { CliError } from '../cli-error';

export const RECEIVER_CHECK_USAGE = `Usage: npm run hookdesk -- receiver-check URL --profile P --secret S [--json] [--down-for 1h] [--timeout 3s] [--case ID]...

Fires a battery of deliveries at the webhook receiver at URL, signed as the sender P signs them with the
secret S, and prints a scorecard: each case passes, fails or warns, with what to change in the receiver.
Runs in this process (no engine needed). Exit 0 when nothing failed (warnings allowed), 1 when a case
failed, 2 on bad arguments: fit for a CI step.
  --profile P      ${RECEIVER_CHECK_PROFILES.join(', ')}
  --secret S       the receiver's signing secret (default: HOOKDESK_RECEIVER_SECRET); never printed
  --json           print the run as JSON instead of the scorecard
  --down-for D     show what the sender would do if the receiver were down this long (default 1h; 90s, 30m, 2h, 3d)
  --timeout T      grade against this response timeout instead of the sender's (300ms, 3s)
  --case ID        run only this case (repeatable): ${RECEIVER_CHECK_CASES.join(', ')}`;

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, min: 60, h: 3600, d: 86_400 };

/** "90s", "30m", "2h", "3d", "300ms" or a bare number of seconds, in seconds; null when not a duration. */
export function parseDurationSeconds(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*$/i.exec(text);
  if (!match) return null;
  return Number(match[1]) * (UNITS[(match[2] ?? 's').toLowerCase()] ?? 1);
}

function usageError(message: string): CliError {
  return new CliError(`${message}\n${RECEIVER_CHECK_USAGE}`, 2);
}

/** `hookdesk receiver-check`: exit 0 no failure, 1 a case failed (or the run could not finish), 2 bad arguments. */
export async function receiverCheckCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        profile: { type: 'string' },
        secret: { type: 'string' },
        json: { type: 'boolean', default: false },
        'down-for': { type: 'string' },
        timeout: { type: 'string' },
        case: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${RECEIVER_CHECK_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw usageError(positionals.length === 0 ? 'Name the receiver URL.' : `One URL only; got ${positionals.length}.`);
  const downFor = values['down-for'] === undefined ? undefined : parseDurationSeconds(values['down-for']);
  if (downFor === null) throw usageError(`--down-for "${values['down-for'] ?? ''}" is not a duration (for example 90s, 30m, 2h, 3d).`);
  const timeout = values.timeout === undefined ? undefined : parseDurationSeconds(values.timeout);
  if (timeout === null) throw usageError(`--timeout "${values.timeout ?? ''}" is not a duration (for example 300ms or 3s).`);
  const secret = values.secret ?? process.env.HOOKDESK_RECEIVER_SECRET;
  let request;
  try {
    request = parseReceiverCheckRequest({
      url: positionals[0],
      profile: values.profile,
      secret,
      ...(downFor === undefined ? {} : { downForSeconds: Math.round(downFor) }),
      ...(timeout === undefined ? {} : { timeoutMs: Math.round(timeout * 1000) }),
      ...(values.case === undefined ? {} : { cases: values.case }),
    });
  } catch (error) {
    if (error instanceof HookdeskError) {
      const fields = Object.entries(error.fields ?? {}).map(([key, message]) => `  ${optionOf(key)}: ${message}`);
      throw usageError(`The receiver check cannot start:\n${fields.join('\n')}`);
    }
    throw error;
  }
  const printer = values.json ? null : new ScorecardPrinter();
  const run = await runReceiverCheck(request, { onUpdate: (snapshot) => printer?.update(snapshot) });
  if (values.json) process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
  else printer?.finish(run);
  if (run.status === 'failed') {
    process.stderr.write(`${run.error ?? 'The check could not finish.'}\n`);
    return 1;
  }
  return run.summary.fail > 0 ? 1 : 0;
}

function optionOf(field: string): string {
  if (field === 'url') return 'URL';
  if (field === 'downForSeconds') return '--down-for';
  if (field === 'timeoutMs') return '--timeout';
  if (field.startsWith('cases')) return '--case';
  return `--${field}`;
}

const VERDICT_LABEL: Record<ReceiverCheckCase['verdict'], string> = { pass: 'pass', fail: 'FAIL', warning: 'warn', pending: '....' };

/** Prints the scorecard as cases finish: a header, one row per case (advice under fails and warnings), the totals and the retry timeline. */
class ScorecardPrinter {
  private printed = new Set<string>();
  private headed = false;

  update(run: ReceiverCheckRun): void {
    if (!this.headed) {
      this.headed = true;
      const timeout = run.timeoutMs === run.profileTimeoutMs ? `${formatDuration(run.timeoutMs)}` : `${run.timeoutMs} ms (the sender's is ${formatDuration(run.profileTimeoutMs)})`;
      process.stdout.write(`Receiver check of ${run.url} as ${run.profile}, timeout ${timeout} (${run.timeoutSourceUrl})\n\n`);
      process.stdout.write(`${'VERDICT'.padEnd(8)} ${'CASE'.padEnd(40)} ${'ANSWER'.padEnd(8)} TIME\n`);
    }
    for (const c of run.cases) {
      if (c.verdict === 'pending' || this.printed.has(c.id)) continue;
      this.printed.add(c.id);
      const answer = c.received ? String(c.received.status) : c.error ? 'none' : '-';
      const time = c.durationMs === null ? '-' : `${c.durationMs} ms`;
      process.stdout.write(`${VERDICT_LABEL[c.verdict].padEnd(8)} ${c.name.padEnd(40)} ${answer.padEnd(8)} ${time}\n`);
      if (c.verdict !== 'pass' && c.advice) process.stdout.write(`         ${c.advice}\n`);
    }
  }

  finish(run: ReceiverCheckRun): void {
    this.update(run);
    const { pass, fail, warning } = run.summary;
    process.stdout.write(`\n${run.cases.length} cases: ${pass} passed, ${fail} failed, ${warning} warned.\n`);
    const t = run.retryTimeline;
    process.stdout.write(`\nRetry timeline: ${t.summary}\n`);
    for (const a of t.attempts) process.stdout.write(`  attempt ${a.attempt} at +${formatDuration(a.atSeconds * 1000)}: ${a.outcome}\n`);
    process.stdout.write(`  (${t.approximate ? 'times between attempts estimated; ' : ''}source: ${t.sourceUrl})\n`);
  }
}
