import { fidelitySummary, sameBody } from '../../../../shared/relay/fidelity';
import type { RelayFidelity } from '../../../../shared/schemas/fidelity';
import './relay-debugger.css';

function Names({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <li>
      {label}: {names.map((name, i) => (
        <span key={name}>
          {i > 0 && ', '}
          <code>{name}</code>
        </span>
      ))}
    </li>
  );
}

/**
 * Relay fidelity for a forward or a replay: the SHA-256 of the bytes received and of the bytes
 * sent, and "Forwarded byte for byte" or what changed (body edited, headers added, removed,
 * changed). Records from older versions have no fidelity and show nothing.
 */
export function FidelityNote({ fidelity, verb }: { fidelity: RelayFidelity | undefined; verb: 'Forwarded' | 'Replayed' }) {
  if (!fidelity) return null;
  const { headers } = fidelity;
  return (
    <div className="fidelity" role="group" aria-label={`${verb === 'Forwarded' ? 'Forward' : 'Replay'} fidelity`}>
      <p className="fidelity-summary">{fidelitySummary(fidelity, verb)}</p>
      <dl>
        <dt>SHA-256 received</dt>
        <dd>
          {fidelity.receivedSha256} ({fidelity.receivedBytes.toLocaleString('en-US')} bytes)
        </dd>
        <dt>SHA-256 {verb.toLowerCase()}</dt>
        <dd>
          {fidelity.sentSha256} ({fidelity.sentBytes.toLocaleString('en-US')} bytes){sameBody(fidelity) ? ', the same' : ', different'}
        </dd>
      </dl>
      {(headers.added.length > 0 || headers.removed.length > 0 || headers.changed.length > 0) && (
        <ul aria-label="Header changes">
          <Names label="Headers added" names={headers.added} />
          <Names label="Headers removed" names={headers.removed} />
          <Names label="Headers changed" names={headers.changed} />
        </ul>
      )}
    </div>
  );
}
