export function ConnectorsPanel() {
  return (
    <section className="panel" aria-labelledby="connectors-title">
      <h2 id="connectors-title">Connectors</h2>
      <p className="muted">Connectors receive pushed events on this machine. Creating them from the workspace arrives with the inbound work; the push API is described in API.md.</p>
    </section>
  );
}
