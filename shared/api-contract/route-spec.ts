import type { z } from 'zod';

/**
 * One route of Hookdesk's HTTP API as the OpenAPI document describes it. Paths are written as
 * Express writes them (`/api/v1/connectors/:id`), so the contract test can compare them with the
 * routes the engine registers; the document turns `:id` into `{id}`.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export const CAPTURE_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** The document's tags, in the order they are listed. */
export const TAGS = {
  push: 'The push API: senders post JSON events with the connector key in the `API_KEY` header.',
  capture: 'Capture URLs: any method, any body, the token in the path. The exact bytes are kept.',
  health: 'Liveness, no token.',
  session: 'Browser sign-in: trade the token for an HttpOnly session cookie.',
  connectors: 'Inbound connectors: keys, push and capture URLs, relay settings, stats, inferred schemas.',
  events: 'Received and published events: list, find, publish, replay, delete, export and import.',
  webhooks: 'Outbound webhooks: targets, templates, auth, signing, tests, deliveries, stats.',
  deliveries: 'One delivery of an event to a webhook, and sending it again.',
  'event-types': 'Event types seen or raised, and a sample of each.',
  environments: 'Named sets of variables that `${VAR}` references resolve from.',
  workspace: 'The workspace file: export, plan and apply.',
  catalog: 'Event catalogs and collections for other tools (OpenAPI webhooks, AsyncAPI, Postman).',
  'receiver-checks': 'Receiver checks: grade a webhook receiver the way real senders sign, repeat, retry and time out.',
  stream: 'Server-Sent Events of changes, for live views.',
  meta: 'This document.',
} as const;
export type Tag = keyof typeof TAGS;

/** Who may call a route. */
export type RouteAuth =
  /** The management token as `Authorization: Bearer`, or the browser's session cookie. */
  | 'management'
  /** The connector's push key in the `API_KEY` header. */
  | 'pushKey'
  /** A capture token in the path: no header. */
  | 'captureToken'
  /** No credential (`/healthz`, sign-in). */
  | 'none';

/** Error statuses a route can answer, each described once in `components.responses`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415;

/** A request or answer body: a named component, or a media type described inline. */
export type BodyRef<Name extends string> =
  | { component: Name }
  | { page: Name }
  | { contentType: string; schema: Record<string, unknown>; description?: string };

export interface RouteSpec<Req extends string = string, Ans extends string = string> {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  auth: RouteAuth;
  /** Query parameters, from the zod objects the route parses `req.query` with (merged in order). */
  query?: readonly z.ZodObject[];
  /** Per path parameter, what it names (default: "The id."). */
  params?: Readonly<Record<string, string>>;
  body?: {
    schema: BodyRef<Req>;
    required: boolean;
    /** An example the contract test sends (and checks against the schema). */
    example?: unknown;
    /** Other media types the route also takes (same description). */
    alsoAccepts?: readonly string[];
  };
  ok: {
    status: 200 | 201 | 202 | 204;
    description: string;
    answer?: BodyRef<Ans>;
    /** Other media types the answer may come as (chosen by a query parameter, e.g. `format`). */
    alsoAnswers?: readonly { contentType: string; schema: Record<string, unknown>; description?: string }[];
  };
  /** Error answers besides those implied by `auth` (401, 403) and by a body (400, 413, 415). */
  errors: readonly ErrorStatus[];
}

/** `/api/v1/connectors/:id` → `/api/v1/connectors/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** The names of a path's parameters, in order. */
export function pathParams(expressPath: string): string[] {
  return [...expressPath.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '');
}
