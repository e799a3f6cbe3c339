import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_PORT } from '../engine/config';

export interface ServeArgs {
  host: string;
  port: number;
  dataDir: string | undefined;
  maxBodyBytes: number;
  recover: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run serve -- [--host 127.0.0.1] [--port ${DEFAULT_PORT}] [--data-dir DIR] [--max-body 1mb] [--recover]

  --host HOST      interface to listen on (default 127.0.0.1)
  --port N         port; 0 picks a free one (default ${DEFAULT_PORT})
  --data-dir DIR   where the workspace lives (default: the desktop app's per-user folder)
  --max-body SIZE  size limit of push and capture bodies: bytes, or with kb/mb (default 1mb)
  --recover        load every record that can be read; set aside what cannot (kept as *.corrupt-<time>)
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
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port "${values.port}" is not a port number (0..65535; 0 picks a free one).`);
  }
  return {
    host: values.host,
    port,
    dataDir: values['data-dir'],
    maxBodyBytes: parseSize(values['max-body']),
    recover: values.recover,
    help: values.help,
  };
}
