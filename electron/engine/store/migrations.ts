import { StoreCorruptError, StoreTooNewError } from './store-errors';
import { CURRENT_SCHEMA_VERSION, type WorkspaceData } from './workspace-data';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Step n turns a version-n file into a version-(n+1) file. Version 0 is a file written before
 * the schema carried a version (an early development build): it gains the version and any
 * missing collections.
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (data) => ({
    ...data,
    schemaVersion: 1,
    connectors: Array.isArray(data.connectors) ? data.connectors : [],
    webhooks: Array.isArray(data.webhooks) ? data.webhooks : [],
  }),
  // 1 -> 2: connectors gain relay signature verification (off).
  1: (data) => ({
    ...data,
    schemaVersion: 2,
    connectors: Array.isArray(data.connectors)
      ? data.connectors.map((c: unknown) => (typeof c === 'object' && c !== null ? { verification: null, ...c } : c))
      : data.connectors,
  }),
  // 2 -> 3: verification says where it applies (capture URL requests, as before) and forwards unverified requests too (as before).
  2: (data) => ({
    ...data,
    schemaVersion: 3,
    connectors: Array.isArray(data.connectors) ? data.connectors.map(withVerificationScope) : data.connectors,
  }),
  // 3 -> 4: environments for ${VAR} references (none yet, none active).
  3: (data) => ({ ...data, schemaVersion: 4, environments: {}, activeEnvironment: null }),
};

function withVerificationScope(connector: unknown): unknown {
  if (typeof connector !== 'object' || connector === null) return connector;
  const { verification } = connector as { verification?: unknown };
  if (typeof verification !== 'object' || verification === null) return connector;
  return { ...connector, verification: { verifyOn: 'capture', forwardOnlyVerified: false, ...verification } };
}

/** Brings a parsed workspace file up to the current schema, or says why it cannot. */
export function migrateWorkspace(file: string, raw: unknown): { data: WorkspaceData; migrated: boolean } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new StoreCorruptError(file, 'the top level is not a JSON object');
  }
  let data = raw as Record<string, unknown>;
  let version = data.schemaVersion === undefined ? 0 : data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new StoreCorruptError(file, `schemaVersion is ${JSON.stringify(version)}, not a whole number`);
  }
  if (version > CURRENT_SCHEMA_VERSION) throw new StoreTooNewError(file, version, CURRENT_SCHEMA_VERSION);
  const migrated = version < CURRENT_SCHEMA_VERSION;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new StoreCorruptError(file, `no migration from schema version ${version}`);
    data = step(data);
    version += 1;
  }
  if (!Array.isArray(data.connectors) || !Array.isArray(data.webhooks)) {
    throw new StoreCorruptError(file, 'connectors or webhooks is not a list');
  }
  if (!isEnvironments(data.environments)) {
    throw new StoreCorruptError(file, 'environments is not an object of environments, each an object of text values');
  }
  if (data.activeEnvironment !== null && (typeof data.activeEnvironment !== 'string' || !Object.hasOwn(data.environments, data.activeEnvironment))) {
    throw new StoreCorruptError(file, `activeEnvironment is ${JSON.stringify(data.activeEnvironment)}, not null or the name of one of its environments`);
  }
  return { data: data as unknown as WorkspaceData, migrated };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{NAME: {VAR: "value"}}`: what every reader of `environments` relies on. */
function isEnvironments(value: unknown): value is Record<string, Record<string, string>> {
  return isPlainObject(value) && Object.values(value).every((vars) => isPlainObject(vars) && Object.values(vars).every((v) => typeof v === 'string'));
}
