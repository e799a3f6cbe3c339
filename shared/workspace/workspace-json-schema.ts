import { z } from 'zod';
import { workspaceFileSchema } from './workspace-file';

/**
 * The JSON Schema of the workspace file, generated from the zod schemas (so it can never disagree
 * with what apply accepts about shapes). `io: 'input'` describes what a person may write: fields
 * with defaults are optional. Checks zod cannot express (refinements: template syntax, a Standard
 * Webhooks secret's form) are left to plan, which reports them with field paths.
 */
export function workspaceJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(workspaceFileSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Hookdesk workspace file',
    description: 'Connectors, webhooks and environments of a Hookdesk workspace (kind "hookdesk.workspace", version 1). Resources are matched by name; secrets are usually ${VAR} references.',
    ...rest,
  };
}

/** The schema file's text: 2-space JSON and a trailing newline. */
export function workspaceJsonSchemaText(): string {
  return `${JSON.stringify(workspaceJsonSchema(), null, 2)}\n`;
}
