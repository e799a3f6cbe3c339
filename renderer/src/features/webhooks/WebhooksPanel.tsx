export function WebhooksPanel() {
  return (
    <section className="panel" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p className="muted">Webhooks deliver events to your receivers. Their editor arrives with the outbound work.</p>
    </section>
  );
}
