import { sendErrorKind } from '../dispatch/http-sender';
import { errorText } from '../../../shared/errors';

/** A failed forward (no response) in words for the person running the server behind the forward URL. */
export function describeForwardError(error: unknown, url: string, timeoutMs: number): string {
  const host = hostOf(url);
  switch (sendErrorKind(error)) {
    case 'timeout':
      return `No answer from ${url} within ${timeoutMs / 1000} s (the forward timeout). Make your server answer sooner, or raise forwardTo.timeoutMs on the connector.`;
    case 'refused':
      return `Connection refused: nothing listens on ${host}; start your server or change the forward URL.`;
    case 'dns':
      return `The host name in ${url} could not be resolved; check the forward URL's host name.`;
    case 'reset':
      return `${host} closed the connection before answering; check your server's logs.`;
    case 'tls':
      return `The TLS certificate of ${host} was not accepted (${(error as { code?: string }).code ?? 'TLS error'}); use a valid certificate, or http:// for a local server.`;
    case 'other':
      return `The forward to ${url} failed: ${errorText(error)}.`;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
