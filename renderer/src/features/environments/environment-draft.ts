import type { Environments, EnvironmentsPut } from '../../../../shared/env/environment-schema';

/** One variable row of the editor. `masked`: the value is the stored one, shown masked and sent back as is. */
export interface DraftVariable {
  key: string;
  name: string;
  value: string;
  masked: boolean;
  /** Stored before the dialog opened: its name is fixed (a masked value is kept by name). */
  stored: boolean;
}

export interface DraftEnvironment {
  key: string;
  /** The name it is stored under (null: new in this dialog), so a rename keeps its masked values. */
  storedName: string | null;
  name: string;
  variables: DraftVariable[];
}

let counter = 0;
export const newKey = (): string => `k${(counter += 1)}`;

export function draftOf(current: Environments): DraftEnvironment[] {
  return Object.entries(current.environments).map(([name, vars]) => ({
    key: newKey(),
    storedName: name,
    name,
    variables: Object.entries(vars).map(([varName, value]) => ({ key: newKey(), name: varName, value, masked: true, stored: true })),
  }));
}

/** The PUT body: every environment as drafted, renames named, the active one following its rename (or none when removed). */
export function bodyOf(drafts: readonly DraftEnvironment[], active: string | null): EnvironmentsPut {
  const environments: Record<string, Record<string, string>> = {};
  const renamed: Record<string, string> = {};
  let nextActive: string | null = null;
  for (const draft of drafts) {
    const name = draft.name.trim();
    environments[name] = Object.fromEntries(draft.variables.map((v) => [v.name.trim(), v.value]));
    if (draft.storedName !== null && draft.storedName !== name) renamed[name] = draft.storedName;
    if (active !== null && draft.storedName === active) nextActive = name;
  }
  return { environments, active: nextActive, ...(Object.keys(renamed).length > 0 ? { renamed } : {}) };
}
