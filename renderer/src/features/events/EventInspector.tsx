import type { HookEvent } from '../../../../shared/schemas/event';
import { CodeEditor } from '../../components/CodeEditor';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** One event: its facts, headers and body (pretty, in a read-only Monaco). */
export function EventInspector({ event }: { event: HookEvent }) {
  const pretty = JSON.stringify(event.body, null, 2) ?? 'null';
  return (
    <section className="inspector" aria-label="Event inspector">
      <h3>{event.type}</h3>
      <dl className="facts">
        <dt>Id</dt>
        <dd>{event.id}</dd>
        <dt>Received</dt>
        <dd>{new Date(event.receivedTime).toLocaleString()}</dd>
        <dt>Data source</dt>
        <dd>{event.dataSource}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(event.size)}</dd>
        <dt>From</dt>
        <dd>{event.remoteAddress ?? 'Hookdesk'}</dd>
      </dl>
      {Object.keys(event.headers).length > 0 && (
        <table className="headers" aria-label="Headers">
          <tbody>
            {Object.entries(event.headers).map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CodeEditor label="Event body" value={pretty} readOnly height={320} />
    </section>
  );
}
