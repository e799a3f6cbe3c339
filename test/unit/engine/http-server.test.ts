import type { Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer, createHttpServer, listen } from '../../../electron/engine/server/http-server';
import { HTTP_EDGE_DEFAULTS } from '../../../electron/engine/config';

let server: Server | null = null;
afterEach(async () => {
  if (server) await closeServer(server);
  server = null;
});

describe('createHttpServer', () => {
  it('turns a raw handler that throws into a JSON 500 with no stack, logs one line, and keeps serving', async () => {
    const lines: string[] = [];
    const app = express();
    app.get('/ok', (_req, res) => res.json({ ok: true }));
    server = createHttpServer(
      [
        (req) => {
          if (req.url !== '/throws') return false;
          throw new URIError('URI malformed');
        },
      ],
      app,
      HTTP_EDGE_DEFAULTS,
      (line) => lines.push(line),
    );
    const port = await listen(server, '127.0.0.1', 0);
    const res = await fetch(`http://127.0.0.1:${port}/throws`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal_error' } });
    expect(text).not.toMatch(/URIError|\bat\b.*:\d+/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^internal error on GET \/throws: URIError: URI malformed/);
    expect((await fetch(`http://127.0.0.1:${port}/ok`)).status).toBe(200);
  });
});
