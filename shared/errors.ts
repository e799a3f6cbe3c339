/** The contract's error shape (API.md): every error body the engine sends looks like this. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
  };
}

/** Stable error codes used across the engine, the API client and the UI. */
export const ErrorCode = {
  unauthorized: 'unauthorized',
  forbiddenHost: 'forbidden_host',
  forbiddenOrigin: 'forbidden_origin',
  notFound: 'not_found',
  validationFailed: 'validation_failed',
  conflict: 'conflict',
  invalidJson: 'invalid_json',
  emptyBody: 'empty_body',
  invalidEvents: 'invalid_events',
  unknownApiKey: 'unknown_api_key',
  unknownCapture: 'unknown_capture',
  batchTooLarge: 'batch_too_large',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  methodNotAllowed: 'method_not_allowed',
  /** A body that cannot be decoded as its Content-Encoding says (bad gzip, ...). */
  invalidEncoding: 'invalid_encoding',
  /** A request the HTTP layer itself refuses (malformed, headers too large). */
  badRequest: 'bad_request',
  /** The request's headers or body did not arrive within the server's time limits. */
  requestTimeout: 'request_timeout',
  /** A change to a connector or webhook that the config file of `serve --config` manages. */
  managedByConfig: 'managed_by_config',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A domain error with a stable code and an HTTP status. Thrown anywhere in the engine,
 * mapped once at the HTTP edge to the contract's error shape.
 */
export class HookdeskError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;

  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'HookdeskError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { error: { code: this.code, message: this.message } };
    if (this.fields) body.error.fields = this.fields;
    return body;
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** An error's message for a log line or a reason in words (anything thrown, not only Errors). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
