/** HTTP headers as a two-column table (name, value) with an accessible name; `empty` says so when there are none (null: render nothing). */
export function HeadersTable({ label, headers, empty = 'No headers.' }: { label: string; headers: Record<string, string>; empty?: string | null }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return empty === null ? null : <p className="muted small">{empty}</p>;
  return (
    <table className="headers" aria-label={label}>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
