import { findVariables } from '../env/resolve-variables';
import type { WorkspaceFile } from './workspace-file';

/** Which resources an export keeps, by name. */
export interface ResourcePick {
  connectors: ReadonlySet<string>;
  webhooks: ReadonlySet<string>;
}

/**
 * The exported file narrowed to the chosen connectors and webhooks (environments stay whole), with
 * its `variables` list narrowed to the references the kept resources still make, so the list says
 * exactly what to set for this file. Pure: the Export dialog runs it on the engine's export.
 */
export function pickResources(file: WorkspaceFile, pick: ResourcePick): WorkspaceFile {
  const connectors = file.connectors.filter((c) => pick.connectors.has(c.name));
  const webhooks = file.webhooks.filter((w) => pick.webhooks.has(w.name));
  const kept = { ...file, connectors, webhooks };
  if (file.variables === undefined) return kept;
  const referenced = new Set(findVariables(JSON.stringify({ connectors, webhooks })));
  return { ...kept, variables: file.variables.filter((name) => referenced.has(name)) };
}
