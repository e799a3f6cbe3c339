import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EVENT_ARCHIVE_FORMATS, type EventArchiveFormat } from '../../../shared/interop/event-archive';
import type { Page } from '../../../shared/paging';
import type { Connector } from '../../../shared/schemas/connector';
import type { IngestModule } from '../../engine/ingest/ingest-module';
import { EventArchiveService } from '../../engine/interop/event-archive-service';
import { CliError } from '../cli-error';
import { requireWorkspaceIn, runOnTarget } from '../engine-target';
import { TARGET_OPTIONS, TARGET_USAGE, targetOptions } from './target-options';

export const EXPORT_EVENTS_USAGE = `Usage: npm run hookdesk -- export-events --connector NAME [--format har|ndjson] [--out FILE] [--data-dir DIR | --url URL --token T]

Writes a connector's stored events (newest first) as a HAR 1.2 file or NDJSON (one event per line),
to FILE or stdout. Import the file into a connector with POST /api/v1/connectors/:id/import or the app.
  --connector NAME   the connector, by name (ignoring case)
  --format har       HAR 1.2: each request as received, the sender's answer, Hookdesk data in _hookdesk (default)
  --format ndjson    one event per line, as the API answers it
  --out FILE         write here instead of stdout
${TARGET_USAGE}`;

/** Where the text goes: a file (written as it comes) or stdout. */
interface Sink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

async function openSink(out: string | undefined): Promise<Sink> {
  if (out === undefined) {
    return {
      write: (chunk) => new Promise((resolve, reject) => process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()))),
      close: async () => undefined,
    };
  }
  const file = await open(out, 'w', 0o600);
  return {
    write: async (chunk) => {
      await file.write(chunk);
    },
    close: () => file.close(),
  };
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

function unknownConnector(name: string, names: string[]): CliError {
  const known = names.length === 0 ? 'There are no connectors.' : `Connectors: ${names.map((n) => `"${n}"`).join(', ')}.`;
  return new CliError(`No connector is named "${name}". ${known}`);
}

/** `hookdesk export-events`: exit 0 written, 1 on error. */
export async function exportEventsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...TARGET_OPTIONS, connector: { type: 'string' }, format: { type: 'string', default: 'har' }, out: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${EXPORT_EVENTS_USAGE}\n`);
    return 0;
  }
  const format = values.format as EventArchiveFormat;
  if (!EVENT_ARCHIVE_FORMATS.includes(format)) throw new CliError(`--format "${values.format}" is not a choice: write har or ndjson.`);
  const name = values.connector?.trim();
  if (!name) throw new CliError(`--connector NAME is needed: the connector whose events to write.\n${EXPORT_EVENTS_USAGE}`);
  const target = targetOptions(values);
  if (target.url === undefined) requireWorkspaceIn(target.dataDir);

  const count = await runOnTarget(target, {
    async local(engine) {
      const ingest = engine.modules.find((m) => m.name === 'ingest') as IngestModule;
      const connectors = ingest.connectors.all();
      const connector = connectors.find((c) => sameName(c.name, name));
      if (!connector) throw unknownConnector(name, connectors.map((c) => c.name));
      const service = new EventArchiveService(engine.context, ingest.connectors);
      const selection = service.select({ connectorId: connector.id }, format);
      const sink = await openSink(values.out);
      try {
        await service.write(selection, format, (chunk) => sink.write(chunk));
      } finally {
        await sink.close();
      }
      return selection.events.length;
    },
    async remote(api) {
      const connectors: Connector[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await api.json<Page<Connector>>('GET', `/api/v1/connectors?page=${page}&pageSize=100`);
        connectors.push(...answer.items);
        if (page >= answer.pageAmount) break;
      }
      const connector = connectors.find((c) => sameName(c.name, name));
      if (!connector) throw unknownConnector(name, connectors.map((c) => c.name));
      const text = await api.text('GET', `/api/v1/events/export?connectorId=${encodeURIComponent(connector.id)}&format=${format}`);
      const sink = await openSink(values.out);
      try {
        await sink.write(text);
      } finally {
        await sink.close();
      }
      return format === 'ndjson' ? text.split('\n').filter((l) => l !== '').length : ((JSON.parse(text) as { log?: { entries?: unknown[] } }).log?.entries?.length ?? 0);
    },
  });
  if (values.out !== undefined) process.stderr.write(`Wrote ${count} event${count === 1 ? '' : 's'} of "${name}" to ${values.out} (${format === 'har' ? 'HAR 1.2' : 'NDJSON'}).\n`);
  return 0;
}
