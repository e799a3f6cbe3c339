/** What plan and apply answer (API.md section 5): one change per connector and webhook, matched by name. */
export type WorkspaceResourceKind = 'connector' | 'webhook';
export type WorkspaceAction = 'create' | 'update' | 'delete' | 'unchanged';

export interface WorkspaceChange {
  kind: WorkspaceResourceKind;
  name: string;
  action: WorkspaceAction;
  /** For `update`: the changed field paths (`auth.token`, `forwardTo.url`), sorted. */
  fields?: string[];
}

/**
 * A connector key the apply had to make: its `apiKey` variable was not set, so a new connector got a
 * fresh key. Shown once, here (the engine keeps only its hash).
 */
export interface GeneratedConnectorKey {
  connector: string;
  variable: string;
  apiKey: string;
}

export interface WorkspacePlan {
  changes: WorkspaceChange[];
  /** Variables the file references that neither the active environment nor the process environment sets, sorted. */
  missingVariables: string[];
  /** Only in an apply's answer, and only when keys were generated. */
  generatedKeys?: GeneratedConnectorKey[];
}

/** True when applying would change nothing. */
export function planIsEmpty(plan: WorkspacePlan): boolean {
  return plan.changes.every((change) => change.action === 'unchanged');
}
