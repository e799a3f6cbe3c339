export function WelcomePanel() {
  return (
    <section className="panel" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Hookdesk</h2>
      <p>Receive webhooks on this machine, inspect every byte, deliver events to your receivers, and relay between them.</p>
      <ol>
        <li><strong>Connectors</strong> receive pushed events (a USM Anywhere-compatible push API) and anything posted to a capture URL.</li>
        <li><strong>Webhooks</strong> deliver events to a URL with templates, auth, signatures and retries.</li>
        <li><strong>Events</strong> shows everything that arrived, live.</li>
      </ol>
    </section>
  );
}
