/** Said plainly, at the top, while the engine does not answer; the page reconnects by itself. */
export function EngineBanner() {
  return (
    <div className="engine-banner" role="alert">
      <strong>Hookdesk&apos;s engine is not answering.</strong> Start it again (<code>npm run serve</code>); this page reconnects by
      itself.
    </div>
  );
}
