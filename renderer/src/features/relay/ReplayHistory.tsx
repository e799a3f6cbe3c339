import { useState } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import type { ReplayRecord } from '../../../../shared/schemas/replay';
import { Modal } from '../../components/Modal';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { InvocationView } from '../webhooks/InvocationView';
import { AnswerComparison } from './AnswerComparison';
import { FidelityNote } from './FidelityNote';

function targetName(record: ReplayRecord, webhookName: (id: string) => string): string {
  if (record.target === 'forward') return 'forward target';
  if (record.target === 'webhook') return `webhook ${record.webhookId ? webhookName(record.webhookId) : ''}`.trim();
  return record.request.url;
}

function describe(record: ReplayRecord, webhookName: (id: string) => string): string {
  const status = record.response ? `HTTP ${record.response.status}` : 'no response';
  return `${new Date(record.time).toLocaleTimeString()} to ${targetName(record, webhookName)}: ${status}${record.edited ? ', edited' : ''}`;
}

/** The replay opened from the history: its answer beside the replay before it to the same target, and the full request and response. */
function ReplayRecordDialog({ records, index, onClose, webhookName }: { records: ReplayRecord[]; index: number; onClose: () => void; webhookName: (id: string) => string }) {
  const record = records[index] as ReplayRecord;
  const earlier = records
    .slice(0, index)
    .reverse()
    .find((r) => r.target === record.target && r.webhookId === record.webhookId && (r.target !== 'url' || r.request.url === record.request.url));
  return (
    <Modal title={`Replay at ${new Date(record.time).toLocaleString()}`} onClose={onClose} wide="full">
      <p className="muted">
        To {targetName(record, webhookName)}
        {record.edited ? ', with an edited body or headers' : ', unedited'}.
      </p>
      <FidelityNote fidelity={record.fidelity} verb="Replayed" />
      <AnswerComparison previous={earlier ?? null} current={record} previousTime={earlier?.time} currentTime={record.time} />
      <InvocationView invocation={record} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** The event's replays (newest first), each openable with its answer and the diff to the one before. */
export function ReplayHistory({ event }: { event: HookEvent }) {
  const webhooks = useWebhooksStore((s) => s.webhooks);
  const [open, setOpen] = useState<number | null>(null);
  const records = event.replays ?? [];
  if (records.length === 0) return null;
  const webhookName = (id: string): string => webhooks.find((w) => w.id === id)?.name ?? id;
  const newestFirst = records.map((record, index) => ({ record, index })).reverse();
  return (
    <section className="replays" aria-labelledby={`replays-${event.id}`}>
      <h4 id={`replays-${event.id}`}>Replays</h4>
      <ul aria-label="Replays">
        {newestFirst.map(({ record, index }) => (
          <li key={`${record.time}-${index}`}>
            <button type="button" className={record.ok ? 'replay-item' : 'replay-item failed'} onClick={() => setOpen(index)} aria-haspopup="dialog">
              {describe(record, webhookName)}
            </button>
          </li>
        ))}
      </ul>
      {open !== null && records[open] && <ReplayRecordDialog records={records} index={open} onClose={() => setOpen(null)} webhookName={webhookName} />}
    </section>
  );
}
