import { CAPTURE_PREFIX } from './connector-service';

export interface CaptureTarget {
  token: string;
  /** The path after the token ('' when there is none), as sent (still percent-encoded). */
  path: string;
  /** The query string without its '?' ('' when there is none). */
  query: string;
}

/** Splits `/hooks/<token>[/sub/path][?query]`; null for URLs outside /hooks/. Pure. */
export function parseCaptureUrl(url: string): CaptureTarget | null {
  if (!url.startsWith(CAPTURE_PREFIX)) return null;
  const questionMark = url.indexOf('?');
  const pathPart = questionMark === -1 ? url : url.slice(0, questionMark);
  const query = questionMark === -1 ? '' : url.slice(questionMark + 1);
  const rest = pathPart.slice(CAPTURE_PREFIX.length);
  const slash = rest.indexOf('/');
  const token = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  return { token, path, query };
}
