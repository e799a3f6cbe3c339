/**
 * One log line for an unexpected error: its name and message plus the frame it was thrown at,
 * enough to find a bug without a multi-line stack in the log (and never anything for a client).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const frame = error.stack
    ?.split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('at '));
  const message = `${error.name}: ${error.message}`.replace(/\s+/g, ' ').slice(0, 500);
  return frame ? `${message} (${frame})` : message;
}
