import type { WebhookAuth } from '../schemas/webhook-auth';
import { secretVariable, uniqueNameParts } from '../workspace/secret-variables';
import type { WorkspaceWebhook } from '../workspace/workspace-file';
import { resourceBlock, type TerraformBlock, type TerraformDocument } from './terraform-hookdeck-document';
import { hclHeredoc, hclString, hclValue, hookdeckName, terraformLabel, type HclValue } from './terraform-hookdeck-hcl';
import { transformationFor } from './terraform-hookdeck-transform';

/**
 * Webhooks as Hookdeck destinations (terraform-hookdeck.ts): a `hookdeck_destination` per webhook
 * (URL, method, auth) with notes on what a destination cannot do, and a `hookdeck_transformation` where
 * its body template and custom headers map simply. Its connections are `-connections.ts`.
 */

/** A written destination, as the webhook's connections refer to it. */
export interface TerraformDestinationRef {
  label: string;
  name: string;
  /** `webhook "erp"`: the notes' subject. */
  subject: string;
  /** The destination block's comment lines (the connections add their notes there). */
  comments: string[];
  /** The webhook's hookdeck_transformation, or null. */
  transformationLabel: string | null;
}

/** The hookdeck_destination of a webhook (and its hookdeck_transformation, if it needs one). */
export function writeDestination(doc: TerraformDocument, webhook: WorkspaceWebhook, namePart: string): TerraformDestinationRef {
  const subject = `webhook ${JSON.stringify(webhook.name)}`;
  const comments: string[] = [`Hookdesk webhook ${JSON.stringify(webhook.name)}`];
  noteWebhookFeatures(doc, webhook, subject, comments);
  const label = doc.destinationLabels.take(terraformLabel(webhook.name));
  const name = doc.destinationNames.take(hookdeckName(webhook.name));
  const config: Record<string, HclValue> = {
    url: doc.text(webhook.url),
    http_method: webhook.method,
    // Hookdesk sends to the URL as written; Hookdeck would append the source request's path.
    path_forwarding_disabled: true,
    ...destinationAuth(doc, webhook, namePart),
  };
  const transformation = writeTransformation(doc, webhook, namePart, subject, comments);
  doc.add({
    comments,
    text: resourceBlock('hookdeck_destination', label, [
      ['name', hclString(name)],
      ['type', hclString('HTTP')],
      ['description', hclString(`Hookdesk webhook ${webhook.name}`)],
      ['config', `jsonencode(${hclValue(config, '  ')})`],
    ]),
  });
  if (transformation !== null) doc.add(transformation.block);
  return { label, name, subject, comments, transformationLabel: transformation?.label ?? null };
}

/** The destination's auth config for a webhook's auth (secrets as sensitive variables). */
function destinationAuth(doc: TerraformDocument, webhook: WorkspaceWebhook, namePart: string): Record<string, HclValue> {
  const auth: WebhookAuth = webhook.auth;
  const described = (field: string): string => `${field} of webhook "${webhook.name}"`;
  switch (auth.type) {
    case 'none':
      return {};
    case 'basic':
      return {
        auth_type: 'BASIC_AUTH',
        auth: { username: doc.text(auth.username), password: doc.secret(auth.password, secretVariable('webhook', namePart, 'AUTH_PASSWORD'), described('Basic auth password')) },
      };
    case 'bearer':
      return { auth_type: 'BEARER_TOKEN', auth: { token: doc.secret(auth.token, secretVariable('webhook', namePart, 'AUTH_TOKEN'), described('Bearer token')) } };
    case 'apiKey':
      return {
        auth_type: 'API_KEY',
        auth: { key: auth.header, api_key: doc.secret(auth.value, secretVariable('webhook', namePart, 'AUTH_API_KEY'), described('API key')), to: 'header' },
      };
    case 'oauth2':
      return {
        auth_type: 'OAUTH2_CLIENT_CREDENTIALS',
        auth: {
          auth_server: doc.text(auth.tokenUrl),
          client_id: doc.text(auth.clientId),
          client_secret: doc.secret(auth.clientSecret, secretVariable('webhook', namePart, 'AUTH_CLIENT_SECRET'), described('OAuth2 client secret')),
          ...(auth.scopes && auth.scopes.length > 0 ? { scope: auth.scopes.join(' ') } : {}),
          authentication_type: 'basic',
        },
      };
  }
}

/** What a webhook does that a Hookdeck destination cannot: signing, validators, timeout, disabled, envelope, severities. */
function noteWebhookFeatures(doc: TerraformDocument, webhook: WorkspaceWebhook, subject: string, comments: string[]): void {
  if (webhook.secret !== null) {
    const how = webhook.signature === 'hmac-sha1' ? 'X-Hookdesk-Signature (hex HMAC-SHA1 of the body)' : 'Standard Webhooks signatures (webhook-id, webhook-timestamp, webhook-signature)';
    doc.note(
      subject,
      `signing: Hookdeck cannot send ${how}. Closest: auth_type = "CUSTOM_SIGNATURE" with auth = { key = "<header>", signing_secret = var.<secret> } (HMAC-SHA256), or Hookdeck's own x-hookdeck-signature; change the receiver's check to match`,
      comments,
    );
  }
  if (webhook.validators.length > 0) {
    doc.note(subject, `response validators (${webhook.validators.map((v) => v.path).join(', ')}): Hookdeck judges a delivery by its status code alone (a retry rule's response_status_codes is the closest)`, comments);
  }
  if (webhook.timeoutSeconds !== 10) doc.note(subject, `timeoutSeconds ${webhook.timeoutSeconds}: Hookdeck's delivery timeout is its own`, comments);
  if (!webhook.enabled) doc.note(subject, 'the webhook is disabled in Hookdesk: pause its connections in Hookdeck after applying', comments);
  if (webhook.bodyTemplate === null) {
    doc.note(
      subject,
      `Hookdesk sends its envelope ({eventId, eventType, webhookId, entityId${webhook.includeEntity ? ', entity' : ''}, entityUrl, timestamp}); Hookdeck delivers the request body as received. Have the receiver read the original body, or write a transformation`,
      comments,
    );
  }
  if (webhook.filters.severities !== undefined && webhook.filters.severities.length > 0) {
    doc.note(subject, `the severity filter (${webhook.filters.severities.join(', ')}): Hookdeck requests have no severity`, comments);
  }
}

/** The hookdeck_transformation for a webhook (its label and block), or null when its template and headers need none. */
function writeTransformation(doc: TerraformDocument, webhook: WorkspaceWebhook, namePart: string, subject: string, webhookComments: string[]): { label: string; block: TerraformBlock } | null {
  const plan = transformationFor(webhook);
  const comments: string[] = [`Hookdesk webhook ${JSON.stringify(webhook.name)}: ${plan.bodyNote === null && webhook.bodyTemplate !== null ? 'the body its template builds' : 'the request'}${Object.keys(webhook.headers).length > 0 ? ', and its custom headers' : ''}`];
  if (plan.bodyNote !== null) {
    doc.note(subject, `the body template is not a simple mapping (${plan.bodyNote}); the body is delivered as received: write its code by hand in a hookdeck_transformation`, webhookComments);
  }
  if (plan.code === null) return null;
  const label = doc.transformationLabels.take(terraformLabel(webhook.name));
  const name = doc.transformationNames.take(hookdeckName(webhook.name));
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
        ? doc.secret(entry.text, secretVariable('webhook', namePart, field), `Header ${entry.header} of webhook "${webhook.name}"`)
        : doc.text(entry.text);
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
