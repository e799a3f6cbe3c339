import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_SCHEMA_PATH } from '../../../scripts/workspace-schema';
import { workspaceJsonSchemaText } from '../../../shared/workspace/workspace-json-schema';

describe('docs/workspace.schema.json', () => {
  it('is what scripts/workspace-schema.ts generates from the zod schemas (run it after changing a resource schema)', () => {
    expect(readFileSync(WORKSPACE_SCHEMA_PATH, 'utf8')).toBe(workspaceJsonSchemaText());
  });

  it('lets editors check the file: a required field, the kind, and no unknown fields', () => {
    const schema = JSON.parse(workspaceJsonSchemaText()) as { required: string[]; properties: Record<string, { const?: unknown }>; additionalProperties: boolean };
    expect(schema.required).toEqual(['kind', 'version']);
    expect(schema.properties.kind?.const).toBe('hookdesk.workspace');
    expect(schema.additionalProperties).toBe(false);
  });
});
