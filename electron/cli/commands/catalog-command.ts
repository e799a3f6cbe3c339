import { CliError } from '../cli-error';

/** `hookdesk catalog`: write the event catalog (OpenAPI 3.1 webhooks or AsyncAPI 3). (Being built.) */
export async function catalogCommand(_argv: string[]): Promise<number> {
  return Promise.reject(new CliError('"catalog" is not built yet.'));
}
