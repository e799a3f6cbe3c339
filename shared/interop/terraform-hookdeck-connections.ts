import type { RetryPolicy } from '../retry/retry-policy';
import type { WorkspaceConnector, WorkspaceWebhook } from '../workspace/workspace-file';
import type { TerraformDestinationRef } from './terraform-hookdeck-destinations';
import { resourceBlock, type TerraformDocument } from './terraform-hookdeck-document';
import { connectionFilter } from './terraform-hookdeck-filter';
import { Expr, hclInline, hclString, hclValue, type HclValue } from './terraform-hookdeck-hcl';
import type { TerraformSourceRef } from './terraform-hookdeck-sources';

/**
 * A webhook's routes as Hookdeck connections (terraform-hookdeck.ts): the connectors its connector and
 * data source filters let through, each a `hookdeck_connection` with a filter rule for its event types
 * (`-filter.ts`), the transform rule and the retry rule.
 */

/** A hookdeck_connection from each source whose events reach the webhook to its destination (filter, transform and retry rules). */
export function writeConnections(
  doc: TerraformDocument,
  webhook: WorkspaceWebhook,
  destination: TerraformDestinationRef,
  connectors: readonly WorkspaceConnector[],
  sources: readonly TerraformSourceRef[],
): void {
  const { label, name, subject, comments, transformationLabel } = destination;
  const retryComments: string[] = [];
  const retry = retryRule(doc, webhook.retry, subject, retryComments);
  const chosen = routedConnectors(doc, webhook, connectors, subject, comments);
  let written = 0;
  chosen.forEach((index) => {
    const connector = connectors[index];
    const source = sources[index];
    if (!connector || !source) return;
    const filter = connectionFilter(webhook, connector);
    const connectionComments: string[] = [`Events of connector ${JSON.stringify(connector.name)} to webhook ${JSON.stringify(webhook.name)}`];
    for (const text of filter.notes) doc.note(subject, text, connectionComments);
    if (!filter.reachable) return;
    const rules: HclValue[] = [];
    if (filter.rule !== null) {
      const parts: Record<string, HclValue> = {};
      for (const [key, value] of Object.entries(filter.rule)) parts[key] = { json: new Expr(`jsonencode(${hclInline(value as HclValue)})`) };
      rules.push({ filter_rule: parts });
    }
    if (transformationLabel !== null) rules.push({ transform_rule: { transformation_id: new Expr(`hookdeck_transformation.${transformationLabel}.id`) } });
    rules.push(retry);
    connectionComments.push(...retryComments);
    doc.add({
      comments: connectionComments,
      text: resourceBlock('hookdeck_connection', doc.connectionLabels.take(`${source.label}_to_${label}`), [
        ['name', hclString(doc.connectionNames.take(`${source.name}-to-${name}`.slice(0, 155)))],
        ['source_id', `hookdeck_source.${source.label}.id`],
        ['destination_id', `hookdeck_destination.${label}.id`],
        ['rules', hclValue(rules, '  ')],
      ]),
    });
    written += 1;
  });
  if (written === 0) doc.note(subject, 'no connector routes events to it in Hookdeck, so no connection is written: add a hookdeck_connection by hand', comments);
}

/** Hookdesk's retry policy as a retry_rule (notes on what it cannot hold). */
function retryRule(doc: TerraformDocument, policy: RetryPolicy, subject: string, comments: string[]): HclValue {
  const strategy = policy.backoff === 'exponential' ? 'exponential' : 'linear';
  if (policy.backoff === 'linear') doc.note(subject, 'linear backoff (each wait one initial delay longer): Hookdeck\'s "linear" waits the same interval each time', comments);
  doc.note(subject, `retry cap ${policy.maxDelaySeconds} s and jitter ${policy.jitter}: Hookdeck's retry rule has neither`, comments);
  return { retry_rule: { strategy, count: Math.max(0, policy.maxAttempts - 1), interval: Math.round(policy.initialDelaySeconds * 1000) } };
}

/** Indexes of the connectors whose events the webhook's connector and data source filters let through. */
function routedConnectors(doc: TerraformDocument, webhook: WorkspaceWebhook, connectors: readonly WorkspaceConnector[], subject: string, comments: string[]): number[] {
  const names = webhook.filters.connectors?.map((n) => n.toLowerCase());
  const dataSources = webhook.filters.dataSources?.map((d) => d.toLowerCase());
  if (names !== undefined && names.length > 0) {
    const missing = webhook.filters.connectors?.filter((n) => !connectors.some((c) => c.name.toLowerCase() === n.toLowerCase())) ?? [];
    if (missing.length > 0) doc.note(subject, `its connector filter names ${missing.join(', ')}, which the workspace does not have`, comments);
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
    doc.note(subject, `the data source filter: connectors ${discovered.join(', ')} discover their data source per request, so their connections pass every data source`, comments);
  }
  return chosen;
}
