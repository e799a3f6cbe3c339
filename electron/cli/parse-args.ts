import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_PORT } from '../engine/config';

export interface ServeArgs {
  host: string;
  port: number;
  dataDir: string | undefined;
  maxBodyBytes: number;
  recover: boolean;
  help: boolean;
  /** `--config FILE`: a workspace file applied at start; what it holds is managed. */
  config: string | undefined;
  /** `--env NAME`: the environment whose variables resolve `${VAR}` for this run. */
  env: string | undefined;
  /** `--ingest-host/--ingest-port`: push and capture on their own listener. */
  ingest: { host: string; port: number } | null;
  noUi: boolean;
  allowEdits: boolean;
}

export const USAGE = `Usage: npm run serve -- [--host 127.0.0.1] [--port ${DEFAULT_PORT}] [--data-dir DIR] [--max-body 1mb] [--recover]
                       [--config FILE [--env NAME] [--allow-edits]] [--ingest-host H --ingest-port P] [--no-ui]
  (the same as: npm run hookdesk -- serve [flags])

  --host HOST         interface of the management API and UI (default 127.0.0.1)
  --port N            its port; 0 picks a free one (default ${DEFAULT_PORT})
  --data-dir DIR      where the workspace lives (default: the desktop app's per-user folder)
  --max-body SIZE     size limit of push and capture bodies: bytes, or with kb/mb (default 1mb)
  --recover           load every record that can be read; set aside what cannot (kept as *.corrupt-<time>)
  --config FILE       apply this workspace file at start; its connectors and webhooks become managed
                      (the API refuses to change them). Refuses to start (exit 2) while a variable is missing
  --env NAME          the environment whose variables resolve \${VAR} (default: the workspace's active one)
  --allow-edits       let the API and UI change managed resources anyway (the next start applies the file again)
  --ingest-host HOST  push and capture listen on their own interface (for example 0.0.0.0 behind a proxy)...
  --ingest-port N     ...and port; then they answer only there, and the API and UI only on --host/--port
  --no-ui             serve no workspace UI (the management API stays)
Environment: HOOKDESK_TOKEN sets the management token (else one is kept in DIR/token).`;

/** Parses "1048576", "512kb", "1mb", "2MiB" into bytes. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|k|mb|mib|m)?\s*$/i.exec(text);
  if (!m) throw new Error(`--max-body "${text}" is not a size; write bytes, or a number with kb or mb (for example 2mb).`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
  return Math.round(Number(m[1]) * factor);
}

export function parseServeArgs(argv: string[]): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      'data-dir': { type: 'string' },
      'max-body': { type: 'string', default: String(DEFAULT_MAX_BODY_BYTES) },
      recover: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      config: { type: 'string' },
      env: { type: 'string' },
      'ingest-host': { type: 'string' },
      'ingest-port': { type: 'string' },
      'no-ui': { type: 'boolean', default: false },
      'allow-edits': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = parsePort('--port', values.port);
  if (values['ingest-host'] !== undefined && values['ingest-port'] === undefined) {
    throw new Error('--ingest-host needs --ingest-port: name the port push and capture listen on.');
  }
  if (values['allow-edits'] && values.config === undefined) throw new Error('--allow-edits goes with --config: without a config file nothing is managed.');
  const ingestPort = values['ingest-port'] === undefined ? null : parsePort('--ingest-port', values['ingest-port']);
  return {
    config: values.config,
    env: values.env,
    ingest: ingestPort === null ? null : { host: values['ingest-host'] ?? values.host, port: ingestPort },
    noUi: values['no-ui'],
    allowEdits: values['allow-edits'],
    host: values.host,
    port,
    dataDir: values['data-dir'],
    maxBodyBytes: parseSize(values['max-body']),
    recover: values.recover,
    help: values.help,
  };
}

export function parsePort(flag: string, text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${flag} "${text}" is not a port number (0..65535; 0 picks a free one).`);
  }
  return port;
}
