import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Engine } from '../../engine/engine';
import type { EngineModule } from '../../engine/engine-module';
import type { DispatchModule } from '../../engine/dispatch/dispatch-module';
import type { IngestModule } from '../../engine/ingest/ingest-module';
import type { SchemaTracker } from '../../engine/inference/schema-tracker';
import { CATALOG_FORMATS, catalogFile, type CatalogFormat } from '../../engine/interop/catalog-source';
import type { InteropSources } from '../../engine/interop/interop-module';
import { CliError } from '../cli-error';
import { requireWorkspaceIn, runOnTarget } from '../engine-target';
import { TARGET_OPTIONS, TARGET_USAGE, targetOptions } from './target-options';

export const CATALOG_USAGE = `Usage: npm run hookdesk -- catalog --format openapi|asyncapi [--out FILE] [--data-dir DIR | --url URL --token T]

Writes the event catalog to FILE, or to stdout: every known event type with the request a receiver
gets for it (headers, signature, body schema, examples, the expected 2xx answer). Secrets, credential
values and webhook URLs are never written.
  --format openapi   OpenAPI 3.1, one \`webhooks\` entry per event type (Svix and Convoy import these as event types)
  --format asyncapi  AsyncAPI 3.0, one channel per event type
  --out FILE         write here instead of stdout
${TARGET_USAGE}`;

/** `hookdesk catalog`: exit 0 written, 1 on error. */
export async function catalogCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...TARGET_OPTIONS, format: { type: 'string' }, out: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${CATALOG_USAGE}\n`);
    return 0;
  }
  if (values.format === undefined) throw new CliError(`--format is required: write openapi or asyncapi.\n${CATALOG_USAGE}`);
  if (!(CATALOG_FORMATS as readonly string[]).includes(values.format)) throw new CliError(`--format "${values.format}" is not a choice: write openapi or asyncapi.`);
  const format = values.format as CatalogFormat;
  const target = targetOptions(values);
  // Reading must not make a workspace where there was none (a mistyped --data-dir).
  if (target.url === undefined) requireWorkspaceIn(target.dataDir);
  const text = await runOnTarget(target, {
    local: (engine) => Promise.resolve(catalogFile(interopSourcesOf(engine), format)),
    remote: (api) => api.text('GET', `/api/v1/catalog/${format}`),
  });
  if (values.out === undefined) {
    process.stdout.write(text);
  } else {
    await writeFile(values.out, text);
    process.stderr.write(`Wrote ${values.out}.\n`);
  }
  return 0;
}

/** What the catalog reads, from an engine opened in this process. */
function interopSourcesOf(engine: Engine): InteropSources {
  const named = <M extends EngineModule>(name: string): M => {
    const found = engine.modules.find((m) => m.name === name);
    if (!found) throw new CliError(`The engine has no ${name} module.`);
    return found as M;
  };
  const inference = named<EngineModule & { tracker: SchemaTracker }>('inference');
  return { ctx: engine.context, ingest: named<IngestModule>('ingest'), dispatch: named<DispatchModule>('dispatch'), schemas: inference.tracker };
}
