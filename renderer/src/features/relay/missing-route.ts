import { ApiError } from '../../../../shared/api/api-error';

/** The engine has no such route at all (an older engine), as opposed to an unknown id. */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.message.startsWith('There is no route');
}
