import { DEFAULT_CONNECTOR_RESPONSE } from '../schemas/connector';
import { secretVariable } from '../workspace/secret-variables';
import type { WorkspaceConnector } from '../workspace/workspace-file';
import { resourceBlock, type TerraformDocument } from './terraform-hookdeck-document';
import { hclString, hclValue, hookdeckName, terraformLabel, type HclValue } from './terraform-hookdeck-hcl';

/**
 * Connectors as Hookdeck sources (terraform-hookdeck.ts): a `hookdeck_source` per connector with its
 * verification and capture response, and for a connector that forwards, a `hookdeck_destination` and a
 * `hookdeck_connection` to its forward target.
 */

/** A written source, as the webhooks' connections refer to it. */
export interface TerraformSourceRef {
  label: string;
  name: string;
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

/** The hookdeck_source of a connector (with its forward target, if any); its label and name, for the connections. */
export function writeSource(doc: TerraformDocument, connector: WorkspaceConnector, namePart: string): TerraformSourceRef {
  const subject = `connector ${JSON.stringify(connector.name)}`;
  const comments: string[] = [`Hookdesk connector ${JSON.stringify(connector.name)}${connector.dataSource === null ? '' : ` (data source ${connector.dataSource})`}`];
  const label = doc.sourceLabels.take(terraformLabel(connector.name));
  const name = doc.sourceNames.take(hookdeckName(connector.name));
  const config: Record<string, HclValue> = {};
  const verification = connector.verification;
  let type = (connector.dataSource !== null ? DATA_SOURCE_TYPE[connector.dataSource.toLowerCase()] : undefined) ?? 'WEBHOOK';
  if (verification !== null) {
    const secret = doc.secret(verification.secret, secretVariable('connector', namePart, 'VERIFICATION_SECRET'), `Signing secret of connector "${connector.name}" (${verification.scheme})`);
    if (verification.scheme === 'hmac') {
      type = 'WEBHOOK';
      const payload = verification.signedPayload ?? '{body}';
      if (verification.prefix !== undefined || payload !== '{body}' || verification.timestampHeader !== undefined) {
        doc.note(
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
      if (type !== 'WEBHOOK' && type !== schemeType) doc.note(subject, `the data source ${connector.dataSource ?? ''} and the ${verification.scheme} verification disagree; the source type follows the verification (${schemeType})`, comments);
      type = schemeType;
      config.auth = { webhook_secret_key: secret };
      if (verification.scheme === 'standard-webhooks') {
        comments.push('Standard Webhooks is verified as Hookdeck\'s SVIX type (the scheme Standard Webhooks grew from); check that your sender\'s webhook-* headers verify there');
      }
    }
    if (verification.toleranceSeconds !== undefined) doc.note(subject, `toleranceSeconds ${verification.toleranceSeconds}: Hookdeck applies its own timestamp tolerance`, comments);
    if (verification.verifyOn !== 'capture') doc.note(subject, `verifyOn "${verification.verifyOn}": Hookdeck has one URL per source and verifies every request it receives`, comments);
    if (connector.forwardTo !== null && !verification.forwardOnlyVerified) {
      doc.note(subject, 'forwardOnlyVerified is off: Hookdeck does not deliver a request that fails verification, where Hookdesk forwarded it with the failure recorded', comments);
    }
  }
  writeCaptureResponse(doc, connector, config, subject, comments);
  if (connector.apiKey !== undefined) {
    doc.note(
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
  doc.add({ comments, text: resourceBlock('hookdeck_source', label, attributes) });
  if (connector.forwardTo !== null) writeForward(doc, connector, label, name, subject);
  return { label, name };
}

/** The capture response, as Hookdeck's custom_response (content type and body only). */
function writeCaptureResponse(doc: TerraformDocument, connector: WorkspaceConnector, config: Record<string, HclValue>, subject: string, comments: string[]): void {
  const response = connector.response;
  const contentType = Object.entries(response.headers).find(([header]) => header.toLowerCase() === 'content-type')?.[1] ?? '';
  const sameAsDefault =
    response.status === DEFAULT_CONNECTOR_RESPONSE.status &&
    response.body === DEFAULT_CONNECTOR_RESPONSE.body &&
    response.delayMs === 0 &&
    JSON.stringify(response.headers) === JSON.stringify(DEFAULT_CONNECTOR_RESPONSE.headers);
  if (sameAsDefault) return;
  if (response.body.length > 1000) {
    doc.note(subject, `the capture response body is ${response.body.length} characters; Hookdeck's custom response holds at most 1000`, comments);
  } else {
    const kind = /json/i.test(contentType) ? 'json' : /xml/i.test(contentType) ? 'xml' : 'text';
    config.custom_response = { content_type: kind, body: response.body };
  }
  if (response.status !== 200) doc.note(subject, `the capture response status ${response.status}: Hookdeck always answers 200`, comments);
  const otherHeaders = Object.keys(response.headers).filter((header) => header.toLowerCase() !== 'content-type');
  if (otherHeaders.length > 0) doc.note(subject, `capture response headers ${otherHeaders.join(', ')}: Hookdeck sets only the content type`, comments);
  if (response.delayMs > 0) doc.note(subject, `the capture response delay (${response.delayMs} ms): Hookdeck answers at once`, comments);
}

/** Where Hookdesk forwards a connector's requests: a destination and a connection with no rules. */
function writeForward(doc: TerraformDocument, connector: WorkspaceConnector, sourceLabel: string, sourceName: string, subject: string): void {
  const forwardTo = connector.forwardTo;
  if (forwardTo === null) return;
  const comments = [`Where Hookdesk forwards every request connector ${JSON.stringify(connector.name)} receives (method, sub-path, query, headers and body)`];
  if (forwardTo.timeoutMs !== undefined) doc.note(subject, `the forward timeout (${forwardTo.timeoutMs} ms): Hookdeck's delivery timeout is its own`, comments);
  const label = doc.destinationLabels.take(`${sourceLabel}_forward`);
  const name = doc.destinationNames.take(`${sourceName}-forward`);
  doc.add({
    comments,
    text: resourceBlock('hookdeck_destination', label, [
      ['name', hclString(name)],
      ['type', hclString('HTTP')],
      ['description', hclString(`Hookdesk forward target of connector ${connector.name}`)],
      ['config', `jsonencode(${hclValue({ url: doc.text(forwardTo.url) }, '  ')})`],
    ]),
  });
  const connection = doc.connectionLabels.take(`${sourceLabel}_forward`);
  doc.add({
    comments: [],
    text: resourceBlock('hookdeck_connection', connection, [
      ['name', hclString(doc.connectionNames.take(`${sourceName}-forward`.slice(0, 155)))],
      ['source_id', `hookdeck_source.${sourceLabel}.id`],
      ['destination_id', `hookdeck_destination.${label}.id`],
    ]),
  });
}
