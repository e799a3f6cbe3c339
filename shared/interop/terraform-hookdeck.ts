import { findVariables } from '../env/resolve-variables';
import type { RetryPolicy } from '../retry/retry-policy';
import { DEFAULT_CONNECTOR_RESPONSE } from '../schemas/connector';
import type { WebhookAuth } from '../schemas/webhook-auth';
import { secretVariable, uniqueNameParts } from '../workspace/secret-variables';
import type { WorkspaceConnector, WorkspaceWebhook } from '../workspace/workspace-file';
import { connectionFilter } from './terraform-hookdeck-filter';
import {
  Expr,
  hclComments,
  hclHeredoc,
  hclInline,
  hclString,
  hclValue,
  hookdeckName,
  Interpolated,
  splitVariables,
  terraformLabel,
  terraformVariableName,
  UniqueNames,
  VarRef,
  type HclValue,
} from './terraform-hookdeck-hcl';
import { transformationFor } from './terraform-hookdeck-transform';

/**
 * Terraform for the Hookdeck provider from a workspace (API.md section 6, `export terraform-hookdeck`):
 * a `hookdeck_source` per connector (with its verification), a `hookdeck_destination` per webhook and
 * per forward target, a `hookdeck_connection` per route with filter, transform and retry rules, and a
 * `hookdeck_transformation` where a webhook's body template maps simply. Every secret is a sensitive
 * variable without a default, so the text never holds one. What has no Hookdeck counterpart is a
 * comment beside the resource, with the closest workaround, and is listed in `notes`. Pure and
 * deterministic: the same workspace gives the same bytes.
 *
 * Written against terraform-provider-hookdeck v2.2.1 (Hookdeck API 2025-07-01): `config` of sources
 * and destinations is the API's JSON (`jsonencode`), rules are the `rules` list of attribute objects.
 */

export const HOOKDECK_PROVIDER_VERSION = '2.2.1';
export const HOOKDECK_PROVIDER_CONSTRAINT = '>= 2.2.1, < 3.0.0';

export interface TerraformHookdeckInput {
  connectors: readonly WorkspaceConnector[];
  webhooks: readonly WorkspaceWebhook[];
}

export interface TerraformNote {
  /** `connector "orders"` or `webhook "erp"`. */
  subject: string;
  text: string;
}

export interface TerraformHookdeckResult {
  /** The `main.tf` text. */
  text: string;
  /** Everything that did not map, as written in the comments. */
  notes: TerraformNote[];
  /** The Terraform variables the file declares (set them with TF_VAR_<name> or a .tfvars file). */
  variables: Array<{ name: string; sensitive: boolean }>;
}

/** Source types for Hookdesk's verification schemes (`hmac` is a WEBHOOK source with HMAC auth). */
const SCHEME_SOURCE_TYPE: Record<string, string> = {
  github: 'GITHUB',
  stripe: 'STRIPE',
  shopify: 'SHOPIFY',
  slack: 'SLACK',
  'standard-webhooks': 'SVIX',
};

/** Source types for built-in data sources, when the connector does not verify. */
const DATA_SOURCE_TYPE: Record<string, string> = {
  github: 'GITHUB',
  stripe: 'STRIPE',
  shopify: 'SHOPIFY',
  slack: 'SLACK',
  'standard webhooks': 'SVIX',
};

const byKey = <T>(key: (item: T) => string) => (a: T, b: T): number => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

interface Block {
  comments: string[];
  text: string;
}

/** One resource block: `resource "type" "label" { attributes }`, attributes in the given order. */
function resourceBlock(type: string, label: string, attributes: ReadonlyArray<[string, string]>, extra = ''): string {
  const width = Math.max(...attributes.map(([name]) => name.length));
  const lines = attributes.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`);
  return `resource ${hclString(type)} ${hclString(label)} {\n${lines.join('\n')}\n${extra}}`;
}

class Generator {
  private readonly variables = new Map<string, { sensitive: boolean; description: string }>();
  readonly notes: TerraformNote[] = [];
  private readonly blocks: Block[] = [];
  private readonly sourceLabels = new UniqueNames('_');
  private readonly sourceNames = new UniqueNames('-');
  private readonly destinationLabels = new UniqueNames('_');
  private readonly destinationNames = new UniqueNames('-');
  private readonly connectionLabels = new UniqueNames('_');
  private readonly connectionNames = new UniqueNames('-');
  private readonly transformationLabels = new UniqueNames('_');
  private readonly transformationNames = new UniqueNames('-');

  private useVariable(hookdeskName: string, sensitive: boolean, description: string): VarRef {
    const name = terraformVariableName(hookdeskName);
    const known = this.variables.get(name);
    this.variables.set(name, { sensitive: sensitive || (known?.sensitive ?? false), description: known?.description ?? description });
    return new VarRef(name);
  }

  /** Hookdesk text (may hold `${VAR}`) as an HCL value; each variable becomes a Terraform variable. */
  private text(value: string, sensitive = false): HclValue {
    const pieces = splitVariables(value);
    if (pieces.every((piece) => typeof piece === 'string')) return pieces.join('');
    return new Interpolated(
      pieces.map((piece) => (typeof piece === 'string' ? piece : this.useVariable(piece.variable, sensitive, `Hookdesk variable ${piece.variable}`))),
    );
  }

  /** A secret: its `${VAR}` references as they are, or (a secret in clear) a variable named `fallback`: the value itself is never written. */
  private secret(value: string, fallback: string, description: string): HclValue {
    if (findVariables(value).length > 0) return this.text(value, true);
    return this.useVariable(fallback, true, description);
  }

  private note(subject: string, text: string, into: string[]): void {
    if (!this.notes.some((n) => n.subject === subject && n.text === text)) this.notes.push({ subject, text });
    into.push(`Not mapped: ${text}`);
  }

  generate(input: TerraformHookdeckInput): TerraformHookdeckResult {
    const connectors = [...input.connectors].sort(byKey((c) => `${c.name.toLowerCase()}\u0000${c.dataSource?.toLowerCase() ?? ''}`));
    const webhooks = [...input.webhooks].sort(byKey((w) => w.name.toLowerCase()));
    const connectorParts = uniqueNameParts(connectors.map((c) => c.name));
    const webhookParts = uniqueNameParts(webhooks.map((w) => w.name));
    const sources = connectors.map((connector, i) => this.connector(connector, connectorParts[i] ?? 'UNNAMED'));
    webhooks.forEach((webhook, i) => this.webhook(webhook, webhookParts[i] ?? 'UNNAMED', connectors, sources));
    return { text: this.render(input), notes: this.notes, variables: [...this.variables].map(([name, v]) => ({ name, sensitive: v.sensitive })) };
  }

  private connector(connector: WorkspaceConnector, namePart: string): { label: string; name: string } {
    const subject = `connector ${JSON.stringify(connector.name)}`;
    const comments: string[] = [`Hookdesk connector ${JSON.stringify(connector.name)}${connector.dataSource === null ? '' : ` (data source ${connector.dataSource})`}`];
    const label = this.sourceLabels.take(terraformLabel(connector.name));
    const name = this.sourceNames.take(hookdeckName(connector.name));
    const config: Record<string, HclValue> = {};
    const verification = connector.verification;
    let type = (connector.dataSource !== null ? DATA_SOURCE_TYPE[connector.dataSource.toLowerCase()] : undefined) ?? 'WEBHOOK';
    if (verification !== null) {
      const secret = this.secret(verification.secret, secretVariable('connector', namePart, 'VERIFICATION_SECRET'), `Signing secret of connector "${connector.name}" (${verification.scheme})`);
      if (verification.scheme === 'hmac') {
        type = 'WEBHOOK';
        const payload = verification.signedPayload ?? '{body}';
        if (verification.prefix !== undefined || payload !== '{body}' || verification.timestampHeader !== undefined) {
          this.note(
            subject,
            `HMAC verification with a signature prefix, a signed payload other than the body or a timestamp header (Hookdeck's HMAC signs the body alone). The source has no verification: verify in your receiver, or ask the sender for a plain body HMAC and set auth_type = "HMAC"`,
            comments,
          );
        } else {
          config.auth_type = 'HMAC';
          config.auth = { algorithm: verification.algorithm, encoding: verification.encoding, header_key: verification.header.toLowerCase(), webhook_secret_key: secret };
        }
      } else {
        const schemeType = SCHEME_SOURCE_TYPE[verification.scheme] ?? 'WEBHOOK';
        if (type !== 'WEBHOOK' && type !== schemeType) this.note(subject, `the data source ${connector.dataSource ?? ''} and the ${verification.scheme} verification disagree; the source type follows the verification (${schemeType})`, comments);
        type = schemeType;
        config.auth = { webhook_secret_key: secret };
        if (verification.scheme === 'standard-webhooks') {
          comments.push('Standard Webhooks is verified as Hookdeck\'s SVIX type (the scheme Standard Webhooks grew from); check that your sender\'s webhook-* headers verify there');
        }
      }
      if (verification.toleranceSeconds !== undefined) this.note(subject, `toleranceSeconds ${verification.toleranceSeconds}: Hookdeck applies its own timestamp tolerance`, comments);
      if (verification.verifyOn !== 'capture') this.note(subject, `verifyOn "${verification.verifyOn}": Hookdeck has one URL per source and verifies every request it receives`, comments);
      if (connector.forwardTo !== null && !verification.forwardOnlyVerified) {
        this.note(subject, 'forwardOnlyVerified is off: Hookdeck does not deliver a request that fails verification, where Hookdesk forwarded it with the failure recorded', comments);
      }
    }
    this.response(connector, config, subject, comments);
    if (connector.apiKey !== undefined) {
      this.note(
        subject,
        'the push API key: senders post to this source\'s url instead, as to the capture URL' +
          (verification === null ? '. To require a key, set auth_type = "API_KEY" and auth = { header_key = "api_key", api_key = var.<yours> } in config' : ''),
        comments,
      );
    }
    const attributes: Array<[string, string]> = [
      ['name', hclString(name)],
      ['type', hclString(type)],
      ['description', hclString(`Hookdesk connector ${connector.name}`)],
    ];
    if (Object.keys(config).length > 0) attributes.push(['config', `jsonencode(${hclValue(config, '  ')})`]);
    this.blocks.push({ comments, text: resourceBlock('hookdeck_source', label, attributes) });
    if (connector.forwardTo !== null) this.forward(connector, label, name, subject);
    return { label, name };
  }

  /** The capture response, as Hookdeck's custom_response (content type and body only). */
  private response(connector: WorkspaceConnector, config: Record<string, HclValue>, subject: string, comments: string[]): void {
    const response = connector.response;
    const contentType = Object.entries(response.headers).find(([header]) => header.toLowerCase() === 'content-type')?.[1] ?? '';
    const sameAsDefault =
      response.status === DEFAULT_CONNECTOR_RESPONSE.status &&
      response.body === DEFAULT_CONNECTOR_RESPONSE.body &&
      response.delayMs === 0 &&
      JSON.stringify(response.headers) === JSON.stringify(DEFAULT_CONNECTOR_RESPONSE.headers);
    if (sameAsDefault) return;
    if (response.body.length > 1000) {
      this.note(subject, `the capture response body is ${response.body.length} characters; Hookdeck's custom response holds at most 1000`, comments);
    } else {
      const kind = /json/i.test(contentType) ? 'json' : /xml/i.test(contentType) ? 'xml' : 'text';
      config.custom_response = { content_type: kind, body: response.body };
    }
    if (response.status !== 200) this.note(subject, `the capture response status ${response.status}: Hookdeck always answers 200`, comments);
    const otherHeaders = Object.keys(response.headers).filter((header) => header.toLowerCase() !== 'content-type');
    if (otherHeaders.length > 0) this.note(subject, `capture response headers ${otherHeaders.join(', ')}: Hookdeck sets only the content type`, comments);
    if (response.delayMs > 0) this.note(subject, `the capture response delay (${response.delayMs} ms): Hookdeck answers at once`, comments);
  }

  private forward(connector: WorkspaceConnector, sourceLabel: string, sourceName: string, subject: string): void {
    const forwardTo = connector.forwardTo;
    if (forwardTo === null) return;
    const comments = [`Where Hookdesk forwards every request connector ${JSON.stringify(connector.name)} receives (method, sub-path, query, headers and body)`];
    if (forwardTo.timeoutMs !== undefined) this.note(subject, `the forward timeout (${forwardTo.timeoutMs} ms): Hookdeck's delivery timeout is its own`, comments);
    const label = this.destinationLabels.take(`${sourceLabel}_forward`);
    const name = this.destinationNames.take(`${sourceName}-forward`);
    this.blocks.push({
      comments,
      text: resourceBlock('hookdeck_destination', label, [
        ['name', hclString(name)],
        ['type', hclString('HTTP')],
        ['description', hclString(`Hookdesk forward target of connector ${connector.name}`)],
        ['config', `jsonencode(${hclValue({ url: this.text(forwardTo.url) }, '  ')})`],
      ]),
    });
    const connection = this.connectionLabels.take(`${sourceLabel}_forward`);
    this.blocks.push({
      comments: [],
      text: resourceBlock('hookdeck_connection', connection, [
        ['name', hclString(this.connectionNames.take(`${sourceName}-forward`.slice(0, 155)))],
        ['source_id', `hookdeck_source.${sourceLabel}.id`],
        ['destination_id', `hookdeck_destination.${label}.id`],
      ]),
    });
  }

  private auth(webhook: WorkspaceWebhook, namePart: string): Record<string, HclValue> {
    const auth: WebhookAuth = webhook.auth;
    const described = (field: string): string => `${field} of webhook "${webhook.name}"`;
    switch (auth.type) {
      case 'none':
        return {};
      case 'basic':
        return {
          auth_type: 'BASIC_AUTH',
          auth: { username: this.text(auth.username), password: this.secret(auth.password, secretVariable('webhook', namePart, 'AUTH_PASSWORD'), described('Basic auth password')) },
        };
      case 'bearer':
        return { auth_type: 'BEARER_TOKEN', auth: { token: this.secret(auth.token, secretVariable('webhook', namePart, 'AUTH_TOKEN'), described('Bearer token')) } };
      case 'apiKey':
        return {
          auth_type: 'API_KEY',
          auth: { key: auth.header, api_key: this.secret(auth.value, secretVariable('webhook', namePart, 'AUTH_API_KEY'), described('API key')), to: 'header' },
        };
      case 'oauth2':
        return {
          auth_type: 'OAUTH2_CLIENT_CREDENTIALS',
          auth: {
            auth_server: this.text(auth.tokenUrl),
            client_id: this.text(auth.clientId),
            client_secret: this.secret(auth.clientSecret, secretVariable('webhook', namePart, 'AUTH_CLIENT_SECRET'), described('OAuth2 client secret')),
            ...(auth.scopes && auth.scopes.length > 0 ? { scope: auth.scopes.join(' ') } : {}),
            authentication_type: 'basic',
          },
        };
    }
  }

  private webhookNotes(webhook: WorkspaceWebhook, subject: string, comments: string[]): void {
    if (webhook.secret !== null) {
      const how = webhook.signature === 'hmac-sha1' ? 'X-Hookdesk-Signature (hex HMAC-SHA1 of the body)' : 'Standard Webhooks signatures (webhook-id, webhook-timestamp, webhook-signature)';
      this.note(
        subject,
        `signing: Hookdeck cannot send ${how}. Closest: auth_type = "CUSTOM_SIGNATURE" with auth = { key = "<header>", signing_secret = var.<secret> } (HMAC-SHA256), or Hookdeck's own x-hookdeck-signature; change the receiver's check to match`,
        comments,
      );
    }
    if (webhook.validators.length > 0) {
      this.note(subject, `response validators (${webhook.validators.map((v) => v.path).join(', ')}): Hookdeck judges a delivery by its status code alone (a retry rule's response_status_codes is the closest)`, comments);
    }
    if (webhook.timeoutSeconds !== 10) this.note(subject, `timeoutSeconds ${webhook.timeoutSeconds}: Hookdeck's delivery timeout is its own`, comments);
    if (!webhook.enabled) this.note(subject, 'the webhook is disabled in Hookdesk: pause its connections in Hookdeck after applying', comments);
    if (webhook.bodyTemplate === null) {
      this.note(
        subject,
        `Hookdesk sends its envelope ({eventId, eventType, webhookId, entityId${webhook.includeEntity ? ', entity' : ''}, entityUrl, timestamp}); Hookdeck delivers the request body as received. Have the receiver read the original body, or write a transformation`,
        comments,
      );
    }
    if (webhook.filters.severities !== undefined && webhook.filters.severities.length > 0) {
      this.note(subject, `the severity filter (${webhook.filters.severities.join(', ')}): Hookdeck requests have no severity`, comments);
    }
  }

  private retryRule(policy: RetryPolicy, subject: string, comments: string[]): HclValue {
    const strategy = policy.backoff === 'exponential' ? 'exponential' : 'linear';
    if (policy.backoff === 'linear') this.note(subject, 'linear backoff (each wait one initial delay longer): Hookdeck\'s "linear" waits the same interval each time', comments);
    this.note(subject, `retry cap ${policy.maxDelaySeconds} s and jitter ${policy.jitter}: Hookdeck's retry rule has neither`, comments);
    return { retry_rule: { strategy, count: Math.max(0, policy.maxAttempts - 1), interval: Math.round(policy.initialDelaySeconds * 1000) } };
  }

  private webhook(webhook: WorkspaceWebhook, namePart: string, connectors: readonly WorkspaceConnector[], sources: ReadonlyArray<{ label: string; name: string }>): void {
    const subject = `webhook ${JSON.stringify(webhook.name)}`;
    const comments: string[] = [`Hookdesk webhook ${JSON.stringify(webhook.name)}`];
    this.webhookNotes(webhook, subject, comments);
    const label = this.destinationLabels.take(terraformLabel(webhook.name));
    const name = this.destinationNames.take(hookdeckName(webhook.name));
    const config: Record<string, HclValue> = {
      url: this.text(webhook.url),
      http_method: webhook.method,
      // Hookdesk sends to the URL as written; Hookdeck would append the source request's path.
      path_forwarding_disabled: true,
      ...this.auth(webhook, namePart),
    };
    const transformation = this.transformation(webhook, namePart, subject, comments);
    this.blocks.push({
      comments,
      text: resourceBlock('hookdeck_destination', label, [
        ['name', hclString(name)],
        ['type', hclString('HTTP')],
        ['description', hclString(`Hookdesk webhook ${webhook.name}`)],
        ['config', `jsonencode(${hclValue(config, '  ')})`],
      ]),
    });
    if (transformation !== null) this.blocks.push(transformation.block);
    const retryComments: string[] = [];
    const retry = this.retryRule(webhook.retry, subject, retryComments);
    const chosen = this.routedConnectors(webhook, connectors, subject, comments);
    let written = 0;
    chosen.forEach((index) => {
      const connector = connectors[index];
      const source = sources[index];
      if (!connector || !source) return;
      const filter = connectionFilter(webhook, connector);
      const connectionComments: string[] = [`Events of connector ${JSON.stringify(connector.name)} to webhook ${JSON.stringify(webhook.name)}`];
      for (const text of filter.notes) this.note(subject, text, connectionComments);
      if (!filter.reachable) return;
      const rules: HclValue[] = [];
      if (filter.rule !== null) {
        const parts: Record<string, HclValue> = {};
        for (const [key, value] of Object.entries(filter.rule)) parts[key] = { json: new Expr(`jsonencode(${hclInline(value as HclValue)})`) };
        rules.push({ filter_rule: parts });
      }
      if (transformation !== null) rules.push({ transform_rule: { transformation_id: new Expr(`hookdeck_transformation.${transformation.label}.id`) } });
      rules.push(retry);
      connectionComments.push(...retryComments);
      this.blocks.push({
        comments: connectionComments,
        text: resourceBlock('hookdeck_connection', this.connectionLabels.take(`${source.label}_to_${label}`), [
          ['name', hclString(this.connectionNames.take(`${source.name}-to-${name}`.slice(0, 155)))],
          ['source_id', `hookdeck_source.${source.label}.id`],
          ['destination_id', `hookdeck_destination.${label}.id`],
          ['rules', hclValue(rules, '  ')],
        ]),
      });
      written += 1;
    });
    if (written === 0) this.note(subject, 'no connector routes events to it in Hookdeck, so no connection is written: add a hookdeck_connection by hand', comments);
  }

  /** Indexes of the connectors whose events the webhook's connector and data source filters let through. */
  private routedConnectors(webhook: WorkspaceWebhook, connectors: readonly WorkspaceConnector[], subject: string, comments: string[]): number[] {
    const names = webhook.filters.connectors?.map((n) => n.toLowerCase());
    const dataSources = webhook.filters.dataSources?.map((d) => d.toLowerCase());
    if (names !== undefined && names.length > 0) {
      const missing = webhook.filters.connectors?.filter((n) => !connectors.some((c) => c.name.toLowerCase() === n.toLowerCase())) ?? [];
      if (missing.length > 0) this.note(subject, `its connector filter names ${missing.join(', ')}, which the workspace does not have`, comments);
    }
    const chosen: number[] = [];
    const discovered: string[] = [];
    connectors.forEach((connector, index) => {
      if (names !== undefined && names.length > 0 && !names.includes(connector.name.toLowerCase())) return;
      if (dataSources !== undefined && dataSources.length > 0) {
        if (connector.dataSource === null) discovered.push(connector.name);
        else if (!dataSources.includes(connector.dataSource.toLowerCase())) return;
      }
      chosen.push(index);
    });
    if (discovered.length > 0) {
      this.note(subject, `the data source filter: connectors ${discovered.join(', ')} discover their data source per request, so their connections pass every data source`, comments);
    }
    return chosen;
  }

  /** The hookdeck_transformation for a webhook (its label and block), or null when its template and headers need none. */
  private transformation(webhook: WorkspaceWebhook, namePart: string, subject: string, webhookComments: string[]): { label: string; block: Block } | null {
    const plan = transformationFor(webhook);
    const comments: string[] = [`Hookdesk webhook ${JSON.stringify(webhook.name)}: ${plan.bodyNote === null && webhook.bodyTemplate !== null ? 'the body its template builds' : 'the request'}${Object.keys(webhook.headers).length > 0 ? ', and its custom headers' : ''}`];
    if (plan.bodyNote !== null) {
      this.note(subject, `the body template is not a simple mapping (${plan.bodyNote}); the body is delivered as received: write its code by hand in a hookdeck_transformation`, webhookComments);
    }
    if (plan.code === null) return null;
    const label = this.transformationLabels.take(terraformLabel(webhook.name));
    const name = this.transformationNames.take(hookdeckName(webhook.name));
    const attributes: Array<[string, string]> = [
      ['name', hclString(name)],
      ['code', hclHeredoc(plan.code, '  ')],
    ];
    const envNames = Object.keys(plan.env).sort();
    if (envNames.length > 0) {
      const env: Record<string, HclValue> = {};
      for (const envName of envNames) {
        const entry = plan.env[envName];
        if (!entry) continue;
        const field = `HEADER_${uniqueNameParts([entry.header])[0] ?? 'UNNAMED'}`;
        env[envName] = entry.sensitive
          ? this.secret(entry.text, secretVariable('webhook', namePart, field), `Header ${entry.header} of webhook "${webhook.name}"`)
          : this.text(entry.text);
      }
      attributes.push(['env', `jsonencode(${hclValue(env, '  ')})`]);
    }
    return {
      label,
      block: {
        comments,
        text: resourceBlock('hookdeck_transformation', label, attributes, '\n  # Connections use it: replace it before deleting the old one.\n  lifecycle {\n    create_before_destroy = true\n  }\n'),
      },
    };
  }

  private render(input: TerraformHookdeckInput): string {
    const head = [
      hclComments([
        'Terraform for Hookdeck, generated by Hookdesk (`export terraform-hookdeck`) from its workspace.',
        `Written for terraform-provider-hookdeck v${HOOKDECK_PROVIDER_VERSION} (Hookdeck API 2025-07-01).`,
        'The provider reads its API key from HOOKDECK_API_KEY. Secrets are variables (sensitive, no default):',
        'set them with TF_VAR_<name> or a .tfvars file kept out of git.',
        'Lines starting "Not mapped:" name what Hookdeck cannot do as Hookdesk does, with the closest workaround.',
      ]),
      '',
      `terraform {\n  required_providers {\n    hookdeck = {\n      source  = "hookdeck/hookdeck"\n      version = ${hclString(HOOKDECK_PROVIDER_CONSTRAINT)}\n    }\n  }\n}`,
      '',
      'provider "hookdeck" {}',
    ];
    const variables = [...this.variables.keys()].sort().map((name) => {
      const v = this.variables.get(name);
      const lines = [`  type        = string`, `  description = ${hclString(v?.description ?? name)}`];
      if (v?.sensitive) lines.push('  sensitive   = true');
      return `variable ${hclString(name)} {\n${lines.join('\n')}\n}`;
    });
    const blocks = this.blocks.map((block) => (block.comments.length > 0 ? `${hclComments(block.comments)}\n${block.text}` : block.text));
    const empty = input.connectors.length === 0 && input.webhooks.length === 0 ? [hclComments(['The workspace has no connectors and no webhooks.'])] : [];
    return `${[...head, ...variables.flatMap((v) => ['', v]), ...empty.flatMap((e) => ['', e]), ...blocks.flatMap((b) => ['', b])].join('\n')}\n`;
  }
}

/** The Terraform text for a workspace's connectors and webhooks, with what did not map. */
export function terraformForHookdeck(input: TerraformHookdeckInput): TerraformHookdeckResult {
  return new Generator().generate(input);
}
