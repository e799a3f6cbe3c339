import { z } from 'zod';

/** An HTTP header name: an RFC 9110 token. */
export const headerNameSchema = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(256, 'must be at most 256 characters')
  .regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, 'must be a header name: letters, digits and !#$%&\'*+-.^_`|~ only');

/** A header value: no CR, LF or NUL (so no header can be injected through it). */
export const headerValueSchema = z
  .string({ error: 'must be a string' })
  .max(8192, 'must be at most 8192 characters')
  .refine((value) => !/[\r\n\0]/.test(value), 'must not contain line breaks');

export const headersRecordSchema = z.record(headerNameSchema, headerValueSchema);
