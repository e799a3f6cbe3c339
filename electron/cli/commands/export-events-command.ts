import { CliError } from '../cli-error';

/** `hookdesk export-events`: write a connector's events as HAR 1.2 or NDJSON. (Being built.) */
export async function exportEventsCommand(_argv: string[]): Promise<number> {
  return Promise.reject(new CliError('"export-events" is not built yet.'));
}
