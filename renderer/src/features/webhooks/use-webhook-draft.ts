import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Webhook } from '../../../../shared/schemas/webhook';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { apiFailure, type FieldErrors } from '../connectors/connector-form';
import { patchFromDraft, validateDraft } from './draft-to-patch';
import { changedKeys, draftFromWebhook, rebaseDraft, type WebhookDraft } from './webhook-draft';

export interface DraftApi {
  draft: WebhookDraft;
  dirty: boolean;
  saving: boolean;
  /** Shown errors: inline ones for edited fields (all after a save attempt) and the engine's `fields`. */
  errors: FieldErrors;
  formError: string | null;
  savedMessage: string | null;
  /** Why Save is off right now (a body template that does not parse), or null. */
  saveBlocked: string | null;
  change<K extends keyof WebhookDraft>(key: K, value: WebhookDraft[K]): void;
  /** Saves the changes (PATCH); answers false when nothing could be saved (errors are shown). */
  save(): Promise<boolean>;
  /**
   * The unsaved changes as Send test sends them (the fields that differ from the saved webhook,
   * masked credentials standing for the stored ones); null when the draft has errors (they are shown).
   */
  testChanges(): Record<string, unknown> | null;
  /** Shows the engine's field errors for the draft (keys as the form's: `url`, `retry.maxAttempts`). */
  showEngineErrors(fields: FieldErrors, message: string): void;
  discard(): void;
}

/** The top-level key an error path belongs to (`retry.maxAttempts` → `retry`). */
const topKey = (path: string): string => path.split('.')[0] ?? path;

/** The editor's state for one webhook: the draft, its inline validation and Save. */
export function useWebhookDraft(webhook: Webhook): DraftApi {
  const update = useWebhooksStore((s) => s.update);
  const [base, setBase] = useState(() => draftFromWebhook(webhook));
  const baseRef = useRef(base);
  const [draft, setDraft] = useState(base);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  // The webhook changed under the editor (live update, header action, our own save): rebase.
  const version = JSON.stringify(draftFromWebhook(webhook));
  useEffect(() => {
    const next = JSON.parse(version) as WebhookDraft;
    const old = baseRef.current;
    baseRef.current = next;
    setBase(next);
    setDraft((d) => rebaseDraft(d, old, next));
  }, [version]);

  const changed = useMemo(() => changedKeys(draft, base), [draft, base]);
  const inline = useMemo(() => validateDraft(draft), [draft]);
  const errors = useMemo(() => {
    const shown: FieldErrors = {};
    for (const [path, message] of Object.entries(inline)) {
      if (submitted || changed.includes(topKey(path) as keyof WebhookDraft)) shown[path] = message;
    }
    return { ...shown, ...serverErrors };
  }, [inline, submitted, changed, serverErrors]);

  const change = useCallback(<K extends keyof WebhookDraft>(key: K, value: WebhookDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSavedMessage(null);
    setServerErrors((errs) => Object.fromEntries(Object.entries(errs).filter(([path]) => topKey(path) !== key)));
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    const current = draftRef.current;
    setSubmitted(true);
    setFormError(null);
    const problems = validateDraft(current);
    if (Object.keys(problems).length > 0) {
      setFormError('Some settings need fixing before they can be saved: see the marked fields.');
      return false;
    }
    const patch = patchFromDraft(current, baseRef.current);
    if (Object.keys(patch).length === 0) return true;
    setSaving(true);
    try {
      const saved = await update(webhook.id, patch);
      const next = draftFromWebhook(saved);
      // What was sent is now stored: the draft becomes the saved state (a typed secret is cleared).
      baseRef.current = next;
      setBase(next);
      setDraft((d) => ({ ...rebaseDraft(d, current, next), secret: { value: '', remove: false } }));
      setSubmitted(false);
      setServerErrors({});
      setSavedMessage('Saved.');
      return true;
    } catch (error) {
      const failure = apiFailure(error);
      setServerErrors(failure.fields);
      setFormError(failure.form ?? 'The engine refused some settings: see the marked fields.');
      return false;
    } finally {
      setSaving(false);
    }
  }, [update, webhook.id]);

  const testChanges = useCallback((): Record<string, unknown> | null => {
    const current = draftRef.current;
    if (Object.keys(validateDraft(current)).length > 0) {
      setSubmitted(true);
      setFormError('Some settings need fixing before they can be sent: see the marked fields.');
      return null;
    }
    setFormError(null);
    return patchFromDraft(current, baseRef.current);
  }, []);

  const showEngineErrors = useCallback((fields: FieldErrors, message: string) => {
    setServerErrors(fields);
    setFormError(message);
  }, []);

  // A template that does not parse would fail every delivery: the engine refuses it, so Save is off and says why.
  const saveBlocked = draft.bodyTemplate !== null && inline.bodyTemplate ? `Save is off: the body template has an error at ${inline.bodyTemplate}. Fix it to save.` : null;

  const discard = useCallback(() => {
    setDraft(base);
    setSubmitted(false);
    setServerErrors({});
    setFormError(null);
  }, [base]);

  return { draft, dirty: changed.length > 0, saving, errors, formError, savedMessage, saveBlocked, change, save, testChanges, showEngineErrors, discard };
}
