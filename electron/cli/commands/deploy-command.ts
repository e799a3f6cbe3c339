import { CliError } from '../cli-error';

/** `hookdesk deploy`: apply the webhooks to a production engine (deploy svix ...). (Being built.) */
export async function deployCommand(_argv: string[]): Promise<number> {
  return Promise.reject(new CliError('"deploy" is not built yet.'));
}
