import { runServe } from './serve-command';

/** `npm run serve` (built as out/main/serve.js): the headless engine; see serve-command.ts. */
void runServe(process.argv.slice(2));
