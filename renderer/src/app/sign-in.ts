import { api } from '../api/client';

export type SessionState = 'signed-in' | 'needs-token';

/** Reads a `token=` parameter from the URL fragment (`#token=...`), if there is one. */
export function tokenFromFragment(hash: string): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * Signs the page in, in this order: the Electron preload's token; the token the printed URL
 * carries once in its fragment (removed from the address bar at once); the session cookie of an
 * earlier visit. The token is traded for an HttpOnly cookie and never kept by the page.
 */
export async function establishSession(): Promise<SessionState> {
  if (window.hookdesk) {
    const session = await window.hookdesk.getSession();
    await api.signIn(session.token);
    return 'signed-in';
  }
  const fromUrl = tokenFromFragment(window.location.hash);
  if (fromUrl !== null) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    try {
      await api.signIn(fromUrl);
      return 'signed-in';
    } catch {
      return 'needs-token';
    }
  }
  try {
    await api.session();
    return 'signed-in';
  } catch {
    return 'needs-token';
  }
}
