/** What plan and apply answer (API.md section 5): one change per connector and webhook, matched by name. */
export type WorkspaceResourceKind = 'connector' | 'webhook';
export type WorkspaceAction = 'create' | 'update' | 'delete' | 'unchanged';

/**
 * What happened to a secret field whose `${VAR}` reference cannot resolve (shared/workspace/stored-secrets.ts):
 * `kept`: the stored secret stays (the field is not changed); `unset`: nothing was stored, so the reference is written.
 */
export interface SecretNote {
  /** The field path: `secret`, `auth.token`, `headers.Authorization`, `verification.secret`. */
  field: string;
  outcome: 'kept' | 'unset';
  /** The variables that are not set, in the order the value names them. */
  variables: string[];
  /** "kept the stored secret: ${VAR} is not set", or what writing the reference means. */
  message: string;
}

export interface WorkspaceChange {
  kind: WorkspaceResourceKind;
  name: string;
  action: WorkspaceAction;
  /** For `update`: the changed field paths (`auth.token`, `forwardTo.url`), sorted. */
  fields?: string[];
  /** Only when a secret's reference cannot resolve: per such field, kept or written (see SecretNote). */
  secrets?: SecretNote[];
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
  /**
   * Variables the applied workspace will reference that neither the active environment nor the
   * process environment sets, sorted (a variable only in a secret whose stored value is kept is not one).
   */
  missingVariables: string[];
  /** Only in an apply's answer, and only when keys were generated. */
  generatedKeys?: GeneratedConnectorKey[];
}

/** True when applying would change nothing. */
export function planIsEmpty(plan: WorkspacePlan): boolean {
  return plan.changes.every((change) => change.action === 'unchanged');
}
