/** Ready-to-paste shell commands that send a first event (POSIX shell quoting). */

const SAMPLE_EVENT = { event_type: 'hello.world', message: 'My first event from curl' };

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The placeholders used when the real key or token is no longer known. */
export const API_KEY_PLACEHOLDER = '<API_KEY>';
export const CAPTURE_TOKEN_PLACEHOLDER = '<CAPTURE_TOKEN>';

/** Pushes one sample event to the push API with the key in the `API_KEY` header. */
export function pushCurl(pushUrl: string, apiKey: string): string {
  return [
    `curl -X POST ${quote(pushUrl)}`,
    `  -H ${quote(`API_KEY: ${apiKey}`)}`,
    `  -H 'Content-Type: application/json'`,
    `  -d ${quote(JSON.stringify(SAMPLE_EVENT))}`,
  ].join(' \\\n');
}

/** Posts a sample event to a capture URL (no header needed: the token is in the path). */
export function captureCurl(captureUrl: string): string {
  return [
    `curl -X POST ${quote(`${captureUrl}/orders?source=curl`)}`,
    `  -H 'Content-Type: application/json'`,
    `  -d ${quote(JSON.stringify({ type: 'order.created', id: 42 }))}`,
  ].join(' \\\n');
}

/** A capture URL with the token left as a placeholder. */
export function captureUrlPlaceholder(): string {
  return `${window.location.origin}/hooks/${CAPTURE_TOKEN_PLACEHOLDER}`;
}
