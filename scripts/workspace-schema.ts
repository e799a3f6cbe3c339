import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspaceJsonSchemaText } from '../shared/workspace/workspace-json-schema';

/**
 * Writes docs/workspace.schema.json from the zod schemas: `npx tsx scripts/workspace-schema.ts`.
 * test/unit/workspace/workspace-schema-file.test.ts fails when the committed file differs, so run
 * this after changing a resource schema.
 */
export const WORKSPACE_SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'workspace.schema.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(WORKSPACE_SCHEMA_PATH, workspaceJsonSchemaText());
  process.stdout.write(`Wrote ${WORKSPACE_SCHEMA_PATH}\n`);
}
