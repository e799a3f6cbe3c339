import { CliError } from '../cli-error';

/** `hookdesk export-postman`: write the webhooks as a Postman collection v2.1. (Being built.) */
export async function exportPostmanCommand(_argv: string[]): Promise<number> {
  return Promise.reject(new CliError('"export-postman" is not built yet.'));
}
