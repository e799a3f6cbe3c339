import { createHash } from 'node:crypto';
import type { HttpSender } from './http-sender';

export interface OAuth2ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes?: string[] | undefined;
}

interface CachedToken {
  accessToken: string;
  expiresAtMs: number;
}

/** Refresh this long before the server's expiry, so a token never expires in flight. */
const EXPIRY_SKEW_MS = 30_000;

/**
 * OAuth2 client-credentials tokens, fetched from the token URL (client_secret_basic, falling back
 * once to client_secret_post), cached until they expire, and dropped when a target answers 401 so
 * the next attempt fetches a fresh one.
 */
export class OAuth2TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(
    private readonly sender: HttpSender,
    private readonly nowMs: () => number,
  ) {}

  async token(credentials: OAuth2ClientCredentials, timeoutMs: number): Promise<string> {
    const key = cacheKey(credentials);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAtMs > this.nowMs()) return cached.accessToken;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.fetchToken(credentials, timeoutMs).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  invalidate(credentials: OAuth2ClientCredentials): void {
    this.tokens.delete(cacheKey(credentials));
  }

  private async fetchToken(credentials: OAuth2ClientCredentials, timeoutMs: number): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (credentials.scopes && credentials.scopes.length > 0) form.set('scope', credentials.scopes.join(' '));
    const basic = Buffer.from(`${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`).toString('base64');
    const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    let result = await this.sender.send(
      { method: 'POST', url: credentials.tokenUrl, headers: { ...headers, authorization: `Basic ${basic}` }, body: Buffer.from(form.toString()) },
      timeoutMs,
    );
    if (result.response && (result.response.status === 400 || result.response.status === 401)) {
      const post = new URLSearchParams(form);
      post.set('client_id', credentials.clientId);
      post.set('client_secret', credentials.clientSecret);
      result = await this.sender.send({ method: 'POST', url: credentials.tokenUrl, headers, body: Buffer.from(post.toString()) }, timeoutMs);
    }
    if (!result.response) throw new Error(`Could not get an OAuth2 token: ${result.error ?? 'no answer'}`);
    if (result.response.status < 200 || result.response.status >= 300) {
      throw new Error(`The OAuth2 token URL answered HTTP ${result.response.status}. Check the client id, secret and scopes.`);
    }
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(result.response.body) as typeof parsed;
    } catch {
      throw new Error('The OAuth2 token URL did not answer JSON. Check the token URL.');
    }
    if (typeof parsed.access_token !== 'string' || parsed.access_token === '') {
      throw new Error('The OAuth2 token answer has no access_token. Check the token URL and grant type.');
    }
    const expiresInS = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : 3600;
    this.tokens.set(cacheKey(credentials), {
      accessToken: parsed.access_token,
      expiresAtMs: this.nowMs() + expiresInS * 1000 - EXPIRY_SKEW_MS,
    });
    return parsed.access_token;
  }
}

function cacheKey(c: OAuth2ClientCredentials): string {
  return createHash('sha256')
    .update(JSON.stringify([c.tokenUrl, c.clientId, c.clientSecret, [...(c.scopes ?? [])].sort()]))
    .digest('hex');
}
