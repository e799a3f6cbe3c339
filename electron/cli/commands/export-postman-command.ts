import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { PostmanCollection } from '../../../shared/interop/postman-collection';
import { postmanCollectionText } from '../../../shared/interop/postman-collection';
import type { DispatchModule } from '../../engine/dispatch/dispatch-module';
import { postmanCollectionOf } from '../../engine/interop/postman-routes';
import { CliError } from '../cli-error';
import { requireWorkspaceIn, runOnTarget } from '../engine-target';
import { TARGET_OPTIONS, TARGET_USAGE, targetOptions } from './target-options';

export const EXPORT_POSTMAN_USAGE = `Usage: npm run hookdesk -- export-postman [--data-dir DIR | --url URL --token T] [--out FILE]

Writes the webhooks as a Postman collection v2.1 (one request per webhook: URL, method, headers, auth,
the body rendered for its sample event, a signing pre-request script and the validators as tests) to
FILE, or to stdout. Secrets and credentials are never written: the collection variables to set are
listed on stderr.
  --out FILE         write here instead of stdout
${TARGET_USAGE}`;

/** `hookdesk export-postman`: exit 0 written, 1 on error. */
export async function exportPostmanCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...TARGET_OPTIONS, out: { type: 'string' } }, strict: true, allowPositionals: false });
  if (values.help) {
    process.stdout.write(`${EXPORT_POSTMAN_USAGE}\n`);
    return 0;
  }
  const target = targetOptions(values);
  // Exporting must not make a workspace where there was none (a mistyped --data-dir).
  if (target.url === undefined) requireWorkspaceIn(target.dataDir);
  const text = await runOnTarget(target, {
    local(engine) {
      const dispatch = engine.modules.find((m): m is DispatchModule => m.name === 'dispatch');
      if (!dispatch) throw new CliError('The engine was started without the dispatch module.');
      const { collection, notes } = postmanCollectionOf({ ctx: engine.context, dispatch });
      for (const note of notes) process.stderr.write(`${note.webhook}: ${note.message}\n`);
      return Promise.resolve(postmanCollectionText(collection));
    },
    remote: (api) => api.text('GET', '/api/v1/webhooks/export/postman'),
  });
  if (values.out === undefined) process.stdout.write(text);
  else {
    await writeFile(values.out, text);
    process.stderr.write(`Wrote ${values.out}.\n`);
  }
  const toSet = emptyVariables(text);
  if (toSet.length > 0) process.stderr.write(`Set these collection variables in Postman before sending (secrets are never exported):\n${toSet.map((v) => `  ${v}\n`).join('')}`);
  return 0;
}

/** The collection's variables that have no value (secrets, credentials, environment variables). */
function emptyVariables(text: string): string[] {
  try {
    const collection = JSON.parse(text) as Partial<PostmanCollection>;
    return (collection.variable ?? []).filter((v) => v.value === '').map((v) => v.key);
  } catch {
    return [];
  }
}
