import { errorText, isApiErrorBody } from '../errors';

/** A failed API call as the client sees it: the contract's code, message and fields, plus the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromBody(status: number, body: unknown): ApiError {
    if (isApiErrorBody(body)) return new ApiError(status, body.error.code, body.error.message, body.error.fields ?? {});
    return new ApiError(status, 'http_error', `The engine answered HTTP ${status} without an error body.`);
  }
}

/** The engine could not be reached at all. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(`Cannot reach the Hookdesk engine (${errorText(cause)}). Is it still running?`);
    this.name = 'NetworkError';
  }
}
