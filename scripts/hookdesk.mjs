// `npm run hookdesk -- <command> [flags]`: builds if it must, then runs the CLI in this process
// (so `serve`'s SIGINT/SIGTERM reach it directly). The built entry runs the same: node out/main/hookdesk.js.
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
await import('../out/main/hookdesk.js');
