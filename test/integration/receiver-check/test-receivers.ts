import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify as verifyGithub } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import type { ReceiverCheckProfileName } from '../../../shared/schemas/receiver-check';

/**
 * Small webhook receivers as integrators write them, each verifying with the sender's official
 * library where one exists (standardwebhooks, stripe's constructEvent, @octokit/webhooks-methods;
 * Shopify, Slack and Hookdesk publish the HMAC recipe, done here with node:crypto). A correct one
 * verifies the raw bytes, refuses forged or replayed requests with 401, answers repeats of an event
 * id with the same 200, and answers at once. Each flaw switches one of those off.
 */
export interface Flaws {
  /** Accepts every request without looking at the signature. */
  noSignatureCheck?: boolean;
  /** Checks the signature but not how old its timestamp is. */
  noReplayCheck?: boolean;
  /** Answers 409 to an event id it has seen before. */
  notIdempotent?: boolean;
  /** Waits this long before answering a valid delivery (doing the work before answering). */
  slowMs?: number;
  /** Destroys the socket when a body is announced larger than this (a crash on big bodies). */
  crashOverBytes?: number;
  /** Throws (answers 500) instead of answering 401 when the signature does not verify. */
  crashOnBadSignature?: boolean;
  /** Answers every request with a 301 to this path. */
  redirectTo?: string;
}

export interface TestReceiver {
  url: string;
  /** Requests that reached the handler. */
  count: () => number;
  /** Paths of the requests that reached the handler, in order. */
  paths: () => string[];
  close(): Promise<void>;
}

type Headers = IncomingMessage['headers'];

function header(headers: Headers, name: string): string {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function hmacEquals(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const stripe = new Stripe('sk_test_hookdesk');

/** Whether the request is authentic; `checkAge` false skips the timestamp window. */
async function verify(profile: ReceiverCheckProfileName, secret: string, headers: Headers, raw: Buffer, checkAge: boolean): Promise<boolean> {
  const text = raw.toString('utf8');
  try {
    switch (profile) {
      case 'standard-webhooks': {
        const wh = new StandardWebhook(secret);
        const plain = { 'webhook-id': header(headers, 'webhook-id'), 'webhook-timestamp': header(headers, 'webhook-timestamp'), 'webhook-signature': header(headers, 'webhook-signature') };
        if (checkAge) {
          wh.verify(raw, plain);
          return true;
        }
        // The flawed receiver: compares signatures (made by the library) without the timestamp check.
        const expected = wh.sign(plain['webhook-id'], new Date(Number(plain['webhook-timestamp']) * 1000), raw);
        return plain['webhook-signature'].split(' ').some((s) => s === expected);
      }
      case 'stripe':
        stripe.webhooks.constructEvent(raw, header(headers, 'stripe-signature'), secret, checkAge ? undefined : 0);
        return true;
      case 'github':
        return await verifyGithub(secret, text, header(headers, 'x-hub-signature-256'));
      case 'shopify':
        return hmacEquals(createHmac('sha256', secret).update(raw).digest('base64'), header(headers, 'x-shopify-hmac-sha256'));
      case 'slack': {
        const ts = header(headers, 'x-slack-request-timestamp');
        if (checkAge && Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
        const expected = `v0=${createHmac('sha256', secret).update(`v0:${ts}:`).update(raw).digest('hex')}`;
        return hmacEquals(expected, header(headers, 'x-slack-signature'));
      }
      case 'hookdesk':
        return hmacEquals(createHmac('sha1', secret).update(raw).digest('hex'), header(headers, 'x-hookdesk-signature'));
    }
  } catch {
    return false;
  }
}

/** The id a receiver deduplicates on, as each sender documents it. */
function eventId(profile: ReceiverCheckProfileName, headers: Headers, body: Record<string, unknown>): string {
  switch (profile) {
    case 'standard-webhooks':
      return header(headers, 'webhook-id');
    case 'stripe':
      return String(body.id);
    case 'github':
      return header(headers, 'x-github-delivery');
    case 'shopify':
      return header(headers, 'x-shopify-event-id');
    case 'slack':
      return String(body.event_id);
    case 'hookdesk':
      return header(headers, 'x-hookdesk-event-id');
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startTestReceiver(profile: ReceiverCheckProfileName, secret: string, flaws: Flaws = {}): Promise<TestReceiver> {
  const seen = new Set<string>();
  const paths: string[] = [];
  let count = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (flaws.crashOverBytes !== undefined && Number(req.headers['content-length'] ?? 0) > flaws.crashOverBytes) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    count += 1;
    paths.push(req.url ?? '');
    if (flaws.redirectTo !== undefined && req.url !== flaws.redirectTo) {
      res.writeHead(301, { location: flaws.redirectTo, 'content-length': 0 }).end();
      return;
    }
    if (!flaws.noSignatureCheck && !(await verify(profile, secret, req.headers, raw, !flaws.noReplayCheck))) {
      if (flaws.crashOnBadSignature) throw new Error('signature verification failed');
      answer(res, 401, { error: 'invalid signature' });
      return;
    }
    const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    const id = eventId(profile, req.headers, body);
    if (seen.has(id) && flaws.notIdempotent) {
      answer(res, 409, { error: 'already processed' });
      return;
    }
    seen.add(id);
    if (flaws.slowMs !== undefined) await new Promise((resolve) => setTimeout(resolve, flaws.slowMs));
    answer(res, 200, { received: true });
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) answer(res, 500, { error: 'crashed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    count: () => count,
    paths: () => [...paths],
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
