import {
  activeEnvironmentPutSchema,
  environmentsPutSchema,
  type Environments,
} from '../../../shared/env/environment-schema';
import { resolveVariables, unresolvedMessage, type VariableLookup } from '../../../shared/env/resolve-variables';
import { ErrorCode, HookdeskError } from '../../../shared/errors';
import { isMasked, maskSecret } from '../../../shared/schemas/webhook-mask';
import { parseOrThrow } from '../../../shared/validation';
import type { EngineContext } from '../engine-context';
import type { StoredEnvironments } from '../store/workspace-data';

/** A text with its references resolved, or the sentence that names what is missing. */
export type TextResolution = { ok: true; text: string } | { ok: false; missing: string[]; message: string };

/**
 * Environments (issue 13): named sets of variables in workspace.json and the active one. `lookup`
 * reads the active environment, then the process environment, at the moment a value is used, so
 * switching the environment changes where the next test, delivery or forward goes.
 *
 * Holds no state of its own (everything is read from the workspace data each time), so any module
 * may make one from the engine context and all of them agree.
 *
 * Every value may be a secret (issue 13 exports credentials as variables), so the API answers every
 * value masked, like webhook secrets; a masked value sent back keeps the stored one.
 */
export class EnvironmentService {
  constructor(
    private readonly ctx: Pick<EngineContext, 'store'> & Partial<Pick<EngineContext, 'hub' | 'config'>>,
    private readonly processEnv: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  /** Every environment with its values in clear, and the active one: for export and the engine only, never for the API. */
  list(): { environments: StoredEnvironments; active: string | null } {
    const data = this.ctx.store.workspace.data;
    return { environments: data.environments, active: data.activeEnvironment };
  }

  /** What the API answers: every value masked. */
  view(): Environments {
    const { environments } = this.list();
    const active = this.activeName();
    const masked: Record<string, Record<string, string>> = {};
    for (const [name, vars] of Object.entries(environments)) {
      masked[name] = Object.fromEntries(Object.entries(vars).map(([key, value]) => [key, maskVariable(value)]));
    }
    return { environments: masked, active };
  }

  /** The environment references resolve from: `serve --env NAME` for this run when given, else the stored active one. */
  activeName(): string | null {
    return runEnvironment(this.ctx.config) ?? this.ctx.store.workspace.data.activeEnvironment;
  }

  /** The value of `${name}`: the active environment's, else the process environment's, else undefined. */
  readonly lookup: VariableLookup = (name) => {
    const data = this.ctx.store.workspace.data;
    const activeName = this.activeName();
    const active = activeName === null ? undefined : data.environments[activeName];
    if (active && Object.hasOwn(active, name)) return active[name];
    return Object.hasOwn(this.processEnv, name) ? this.processEnv[name] : undefined;
  };

  /** `text` resolved now, or the sentence naming every variable without a value and where it was looked for. */
  resolve(text: string): TextResolution {
    const result = resolveVariables(text, this.lookup);
    if (result.ok) return result;
    return { ok: false, missing: result.missing, message: unresolvedMessage(result.missing, this.activeName()) };
  }

  /** `PUT /environments`: replaces every environment and the active one; masked values keep the stored ones. */
  async replace(body: unknown): Promise<Environments> {
    const input = parseOrThrow(environmentsPutSchema, body, 'environments');
    const stored = this.ctx.store.workspace.data.environments;
    const next: StoredEnvironments = {};
    const unknownMasks: Record<string, string> = {};
    for (const [name, vars] of Object.entries(input.environments)) {
      const source = stored[input.renamed?.[name] ?? name] ?? {};
      next[name] = {};
      for (const [key, value] of Object.entries(vars)) {
        if (!isMasked(value)) next[name][key] = value;
        else if (Object.hasOwn(source, key) && maskVariable(source[key] ?? '') === value) next[name][key] = source[key] ?? '';
        else unknownMasks[`environments.${name}.${key}`] = 'is a masked value with no stored value behind it: type the value';
      }
    }
    const [first] = Object.keys(unknownMasks);
    if (first !== undefined) {
      throw new HookdeskError(400, ErrorCode.validationFailed, `The environments are invalid: ${first}: ${unknownMasks[first]}.`, unknownMasks);
    }
    return this.commit(next, input.active);
  }

  /** `PUT /environments/active`: switches the environment (or to none) without touching variables. */
  async setActive(body: unknown): Promise<Environments> {
    const { active } = parseOrThrow(activeEnvironmentPutSchema, body, 'active environment');
    const environments = this.ctx.store.workspace.data.environments;
    if (active !== null && !Object.hasOwn(environments, active)) {
      throw new HookdeskError(400, ErrorCode.validationFailed, `There is no environment "${active}". Create it first, or choose one of: ${Object.keys(environments).join(', ') || '(none)'}.`, {
        active: 'must be null or the name of one of the environments',
      });
    }
    return this.commit(environments, active);
  }

  private async commit(environments: StoredEnvironments, active: string | null): Promise<Environments> {
    const data = this.ctx.store.workspace.data;
    data.environments = environments;
    data.activeEnvironment = active;
    await this.ctx.store.workspace.commit();
    const view = this.view();
    this.ctx.hub?.broadcast('environments.updated', view);
    return view;
  }
}

/**
 * An environment value as the API shows it: `••••` for values shorter than 16 characters, else
 * `••••` and the last 4 (enough to tell two URLs or keys apart, not to use one). The empty value
 * stays empty, so "set but empty" stays visible.
 */
export function maskVariable(value: string): string {
  return value === '' ? '' : maskSecret(value);
}

/** `serve --env NAME` (the engine config's `environment`, where the engine has that setting). */
function runEnvironment(config: object | undefined): string | null {
  const value = (config as { environment?: unknown } | undefined)?.environment;
  return typeof value === 'string' && value !== '' ? value : null;
}
