import type { HookEvent } from '../../../../shared/schemas/event';

/** How a forward went, in a few characters: "→ 200", "Forward failed", "Not forwarded", "Forwarding…". */
export function forwardBadgeOf(forward: HookEvent['forward']): { text: string; tone: 'ok' | 'bad' | 'pending'; title: string } | null {
  if (!forward) return null;
  if (forward.status === 'pending') return { text: 'Forwarding…', tone: 'pending', title: 'Waiting for the forward target to answer.' };
  const status = forward.response?.status;
  if (forward.status === 'succeeded') return { text: `→ ${status ?? 'ok'}`, tone: 'ok', title: `Forwarded: the target answered HTTP ${status ?? '2xx'}.` };
  if (status !== undefined) return { text: `→ ${status}`, tone: 'bad', title: `Forward failed: the target answered HTTP ${status}.` };
  // Held back on purpose (a loop, or a signature that failed with "forward only verified"): nothing was sent.
  if (forward.error?.startsWith('Not forwarded')) return { text: 'Not forwarded', tone: 'bad', title: forward.error };
  return { text: 'Forward failed', tone: 'bad', title: `Forward failed: ${forward.error ?? 'no answer'}` };
}

/** Paths added, missing or changed, counted in words. */
export function driftTitle(drift: NonNullable<HookEvent['drift']>): string {
  const parts = [
    drift.added.length ? `${drift.added.length} added` : '',
    drift.missing.length ? `${drift.missing.length} missing` : '',
    drift.changed.length ? `${drift.changed.length} of another type` : '',
  ].filter(Boolean);
  return `The body's shape differs from earlier events of this type: ${parts.join(', ') || 'fields changed'}.`;
}

/**
 * One badge: an icon and its words. In a narrow list only the icon shows (CSS container query on
 * the list); the words stay for screen readers and the hover title says more.
 */
function Badge({ tone, icon, text, title }: { tone: string; icon: string; text: string; title: string }) {
  return (
    <span className={`pill pill-${tone}`} title={title}>
      <span className="pill-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="pill-text" title={title}>
        {text}
      </span>
    </span>
  );
}

const FORWARD_ICONS: Record<string, string> = { 'Forwarding…': '…', 'Not forwarded': '⊘', 'Forward failed': '↛' };

/** The relay marks of one event row: signature, forward result, shape drift. Each says more on hover. */
export function RelayBadges({ event }: { event: HookEvent }) {
  const verification = event.verification;
  const forward = forwardBadgeOf(event.forward);
  const drift = event.drift;
  if ((!verification || verification.status === 'none') && !forward && !drift) return null;
  return (
    <span className="relay-badges">
      {verification?.status === 'verified' && <Badge tone="ok" icon="✓" text="Verified" title={verification.reason ?? 'The signature matches.'} />}
      {verification?.status === 'failed' && <Badge tone="bad" icon="✗" text="Signature failed" title={verification.reason ?? 'The signature does not match.'} />}
      {forward && <Badge tone={forward.tone} icon={FORWARD_ICONS[forward.text] ?? forward.text} text={forward.text} title={forward.title} />}
      {drift && <Badge tone="warn" icon="Δ" text="Shape changed" title={driftTitle(drift)} />}
    </span>
  );
}
