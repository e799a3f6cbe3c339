// `npm run serve -- [flags]`: builds if it must, then runs the headless engine in this process
// (so SIGINT/SIGTERM reach it directly).
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
await import('../out/main/serve.js');
