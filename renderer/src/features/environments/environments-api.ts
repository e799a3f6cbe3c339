import { ApiError, NetworkError } from '../../../../shared/api/api-error';
import type { Environments, EnvironmentsPut } from '../../../../shared/env/environment-schema';

/**
 * `/api/v1/environments` from the page (same origin, session cookie). Values always come back
 * masked; a masked value sent back keeps the stored one.
 */
async function call(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<Environments> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) throw ApiError.fromBody(res.status, json);
  return json as Environments;
}

export const environmentsApi = {
  get: (): Promise<Environments> => call('GET', '/environments'),
  replace: (body: EnvironmentsPut): Promise<Environments> => call('PUT', '/environments', body),
  setActive: (active: string | null): Promise<Environments> => call('PUT', '/environments/active', { active }),
};
