import { HookdeskClient } from '../../../shared/api/client';

/** The page's client: same origin as the engine that served it; authenticated by the session cookie. */
export const api = new HookdeskClient({ baseUrl: '' });
