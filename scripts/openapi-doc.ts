import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_VERSION } from '../electron/engine/version';
import { openApiDocumentText } from '../shared/api-contract/openapi-document';

/**
 * Writes docs/openapi.json (the OpenAPI 3.1 document of the HTTP API, for the default server
 * `http://127.0.0.1:8787`): `npx tsx scripts/openapi-doc.ts`. test/unit/api-contract/openapi-document.test.ts
 * fails when the committed file differs, so run this after changing a route or a resource schema.
 */
export const OPENAPI_DOC_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'openapi.json');

/** The committed document's text. */
export function committedOpenApiText(): string {
  return openApiDocumentText({ version: APP_VERSION });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_DOC_PATH, committedOpenApiText());
  process.stdout.write(`Wrote ${OPENAPI_DOC_PATH}\n`);
}
