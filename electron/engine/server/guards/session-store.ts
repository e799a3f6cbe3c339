import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';

/** Sessions kept at once; signing in past this ends the one used least recently. */
export const MAX_SESSIONS = 1_000;

export interface SessionCheck {
  /** True when the cookie should be sent again with a fresh Max-Age (sliding expiry). */
  renewCookie: boolean;
}

interface Session {
  lastSeenMs: number;
  cookieIssuedMs: number;
}

/**
 * Browser sessions, kept in memory only: each sign-in gets a new random id (32 bytes,
 * base64url), sign-out ends it, a session unused for `idleMs` ends by itself, and an engine
 * restart ends them all (so ids rotate at every start). Ids are kept as SHA-256 hashes, so a
 * lookup's timing says nothing about a stored id.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    readonly idleMs: number,
    private readonly maxSessions = MAX_SESSIONS,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** Starts a session and answers its id (the cookie's value). */
  create(): string {
    const now = this.clock.now();
    this.sweep(now);
    while (this.sessions.size >= this.maxSessions) {
      const oldest = this.sessions.keys().next();
      if (oldest.done) break;
      this.sessions.delete(oldest.value);
    }
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(hashOf(id), { lastSeenMs: now, cookieIssuedMs: now });
    return id;
  }

  /**
   * Answers null when `id` is not a live session; otherwise slides its expiry and says whether
   * the cookie's own Max-Age should be refreshed (at most every twelfth of the idle time).
   */
  check(id: string): SessionCheck | null {
    const key = hashOf(id);
    const session = this.sessions.get(key);
    if (!session) return null;
    const now = this.clock.now();
    if (now - session.lastSeenMs >= this.idleMs) {
      this.sessions.delete(key);
      return null;
    }
    session.lastSeenMs = now;
    // Re-inserting keeps the map ordered by last use, so eviction takes the stalest first.
    this.sessions.delete(key);
    this.sessions.set(key, session);
    const renewCookie = now - session.cookieIssuedMs >= this.idleMs / 12;
    if (renewCookie) session.cookieIssuedMs = now;
    return { renewCookie };
  }

  end(id: string): void {
    this.sessions.delete(hashOf(id));
  }

  private sweep(now: number): void {
    for (const [key, session] of this.sessions) {
      if (now - session.lastSeenMs >= this.idleMs) this.sessions.delete(key);
    }
  }
}

function hashOf(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
