import { MAX_DOWN_FOR_SECONDS } from '../../../../shared/schemas/receiver-check';

/** Longest text the "Down for" field reads; anything longer is not a duration someone typed. */
const MAX_INPUT_LENGTH = 64;

const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86_400, day: 86_400, days: 86_400,
  w: 604_800, week: 604_800, weeks: 604_800,
};

export const DOWN_FOR_HINT = 'For the timeline: 30 min, 6 h, 1 d 12 h… (at most 30 d)';

export type DownForParse = { seconds: number } | { error: string };

/**
 * What the "Down for" field means, in whole seconds: `30 min`, `6h`, `1 d 12 h`, `90s`, `0`; a plain
 * number is minutes. Parsed by one left-to-right scan over at most 64 characters (no RegExp over the text).
 */
export function parseDownFor(text: string): DownForParse {
  const input = text.trim().toLowerCase();
  if (input === '') return { error: 'Say how long the receiver is down, e.g. 30 min or 6 h.' };
  if (input.length > MAX_INPUT_LENGTH) return { error: `Keep it under ${MAX_INPUT_LENGTH} characters, e.g. 1 d 12 h.` };
  let total = 0;
  let i = 0;
  let parts = 0;
  while (i < input.length) {
    while (i < input.length && (input[i] === ' ' || input[i] === ',')) i += 1;
    if (i >= input.length) break;
    const numberStart = i;
    while (i < input.length && ((input[i]! >= '0' && input[i]! <= '9') || input[i] === '.')) i += 1;
    const numberText = input.slice(numberStart, i);
    const value = Number(numberText);
    if (numberText === '' || !Number.isFinite(value)) return { error: `"${text.trim()}" is not a duration: write a number and a unit, e.g. 6 h.` };
    while (i < input.length && input[i] === ' ') i += 1;
    const unitStart = i;
    while (i < input.length && input[i]! >= 'a' && input[i]! <= 'z') i += 1;
    const unit = input.slice(unitStart, i);
    if (unit === '' && parts === 0 && i >= input.length) {
      total += value * 60;
      parts += 1;
      break;
    }
    const factor = UNIT_SECONDS[unit];
    if (factor === undefined) return { error: unit === '' ? 'Give each number a unit: s, min, h or d.' : `"${unit}" is not a unit: use s, min, h or d.` };
    total += value * factor;
    parts += 1;
  }
  const seconds = Math.round(total);
  if (seconds > MAX_DOWN_FOR_SECONDS) return { error: 'At most 30 days: every sender has given up by then.' };
  return { seconds };
}
