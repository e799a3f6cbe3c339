import { createServer } from 'node:http';

/**
 * The ceilings the engine is compared with, in the same run: a bare node:http server that reads
 * the body and answers 200 (`read`), or that also JSON.parses it (`parse`).
 * Run as its own process: `tsx bench/ceiling-server.ts read|parse`; prints its port.
 */
const mode = process.argv[2] === 'parse' ? 'parse' : 'read';
const OK = Buffer.from('{"ok":true}');

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (mode === 'parse') {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      void parsed;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': OK.length });
    res.end(OK);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
