import type { FormEvent } from 'react';
import type { EventSample, EventTypeSummary } from '../../../../shared/schemas/event-type';
import type { Webhook } from '../../../../shared/schemas/webhook';
import { AuthSection } from './AuthSection';
import { EventsSection } from './EventsSection';
import { PayloadSection } from './PayloadSection';
import { RetriesSection } from './RetriesSection';
import { SigningSection } from './SigningSection';
import { TargetSection } from './TargetSection';
import type { DraftApi } from './use-webhook-draft';
import { ValidatorsSection } from './ValidatorsSection';
import { SaveState } from '../../components/SaveState';

interface Props {
  d: DraftApi;
  webhook: Webhook;
  eventTypes: EventTypeSummary[];
  sample: { type: string; event: EventSample | null; note: string | null; setType: (type: string) => void };
  onSendTest: () => void;
}

/** Every setting of a webhook in labelled groups; Save sends only what changed (PATCH). */
export function WebhookEditor({ d, webhook, eventTypes, sample, onSendTest }: Props) {
  // Applied from `serve --config`: the engine refuses changes (409 managed_by_config), so Save is off with its reason.
  const managedReason = (webhook as { managedReason?: string | null }).managedReason ?? null;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (managedReason === null) void d.save();
  };
  const unplaced = Object.entries(d.errors).filter(([path]) => !PLACED.some((p) => path === p || path.startsWith(`${p}.`)));
  return (
    <form className="form webhook-editor" aria-label="Webhook settings" onSubmit={submit} noValidate>
      <TargetSection d={d} savedUrl={webhook.url} />
      <AuthSection d={d} />
      <EventsSection d={d} eventTypes={eventTypes} />
      <PayloadSection d={d} webhook={webhook} eventTypes={eventTypes} sample={sample} onSubmit={onSendTest} />
      <SigningSection d={d} storedSecret={webhook.secret} />
      <ValidatorsSection d={d} />
      <RetriesSection d={d} />
      <div className="save-bar">
        {d.formError && <p role="alert" className="error">{d.formError}</p>}
        {unplaced.length > 0 && (
          <ul className="error" aria-label="Other problems">
            {unplaced.map(([path, message]) => (
              <li key={path}>
                {path}: {message}
              </li>
            ))}
          </ul>
        )}
        <SaveState saving={d.saving} dirty={d.dirty} savedMessage={d.savedMessage} onDiscard={d.discard} blocked={managedReason ?? d.saveBlocked} />
      </div>
    </form>
  );
}

/** Error paths the sections show next to their fields; anything else is listed by the Save button. */
const PLACED = ['name', 'url', 'method', 'contentType', 'timeoutSeconds', 'headers', 'auth', 'events', 'filters', 'bodyTemplate', 'secret', 'signature', 'validators', 'retry'];
