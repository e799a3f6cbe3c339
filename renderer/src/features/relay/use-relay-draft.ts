import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Connector } from '../../../../shared/schemas/connector';
import { useConnectorsStore } from '../../stores/connectors-store';
import { apiFailure } from '../connectors/connector-form';
import { changedFields, draftFromConnector, placeFieldErrors, validateRelayDraft, type RelayDraft, type RelayErrors } from './relay-draft';

export interface RelayDraftApi {
  draft: RelayDraft;
  dirty: boolean;
  saving: boolean;
  /** Inline errors of edited fields (all of them after a save attempt), and the engine's. */
  errors: RelayErrors;
  formError: string | null;
  savedMessage: string | null;
  change<K extends keyof RelayDraft>(key: K, value: RelayDraft[K]): void;
  save(): Promise<boolean>;
  discard(): void;
}

/** The relay settings form of one connector: draft, inline validation with the shared schema, Save (PATCH). */
export function useRelayDraft(connector: Connector): RelayDraftApi {
  const update = useConnectorsStore((s) => s.update);
  const saved = useMemo(() => draftFromConnector(connector), [connector]);
  const savedKey = JSON.stringify(saved);
  const [base, setBase] = useState(saved);
  const [draft, setDraft] = useState(saved);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<RelayErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const baseRef = useRef(base);
  baseRef.current = base;

  // The connector changed under the form (another window, a live update): untouched fields follow it.
  useEffect(() => {
    const next = JSON.parse(savedKey) as RelayDraft;
    const old = baseRef.current;
    setBase(next);
    setDraft((d) => {
      const merged = { ...next };
      for (const key of changedFields(d, old)) (merged as Record<string, unknown>)[key] = d[key];
      return merged;
    });
  }, [savedKey]);

  const changed = useMemo(() => changedFields(draft, base), [draft, base]);
  const inline = useMemo(() => {
    const result = validateRelayDraft(draft, connector);
    return 'errors' in result ? result.errors : {};
  }, [draft, connector]);
  const errors = useMemo(() => {
    const shown: RelayErrors = {};
    for (const key of Object.keys(inline) as (keyof RelayErrors)[]) {
      if (key === 'other') {
        if (submitted && inline.other) shown.other = inline.other;
      } else if (submitted || changed.includes(key)) shown[key] = inline[key];
    }
    return { ...shown, ...serverErrors };
  }, [inline, submitted, changed, serverErrors]);

  const change = useCallback(<K extends keyof RelayDraft>(key: K, value: RelayDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSavedMessage(null);
    setServerErrors((e) => {
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    const current = draftRef.current;
    setSubmitted(true);
    setFormError(null);
    const checked = validateRelayDraft(current, connector);
    if ('errors' in checked) {
      setFormError('Some settings need fixing before they can be saved: see the marked fields.');
      return false;
    }
    setSaving(true);
    try {
      const updated = await update(connector.id, checked.patch);
      const next = draftFromConnector(updated);
      setBase(next);
      setDraft(next);
      setSubmitted(false);
      setServerErrors({});
      setSavedMessage(updated.verification ? 'Saved. The secret is stored and shown masked from now on.' : 'Saved.');
      return true;
    } catch (error) {
      const failure = apiFailure(error);
      setServerErrors(placeFieldErrors(failure.fields));
      setFormError(failure.form ?? 'The engine refused some settings: see the marked fields.');
      return false;
    } finally {
      setSaving(false);
    }
  }, [connector, update]);

  const discard = useCallback(() => {
    setDraft(baseRef.current);
    setSubmitted(false);
    setServerErrors({});
    setFormError(null);
  }, []);

  return { draft, dirty: changed.length > 0, saving, errors, formError, savedMessage, change, save, discard };
}
