import { RECEIVER_CHECK_PROFILES, type ReceiverCheckProfileName } from '../../../../shared/schemas/receiver-check';
import { EMPTY_DRAFT, type CheckDraft } from './check-form';

export const CHECK_DRAFT_STORAGE_KEY = 'hookdesk.receiverCheck';

/**
 * The form as last used in this browser: URL, profile and down time. Never the secret (it is typed
 * or generated for each visit). Anything unreadable gives the empty form.
 */
export function rememberedDraft(): CheckDraft {
  try {
    const stored = JSON.parse(localStorage.getItem(CHECK_DRAFT_STORAGE_KEY) ?? 'null') as unknown;
    if (typeof stored !== 'object' || stored === null) return EMPTY_DRAFT;
    const { url, profile, downFor } = stored as Record<string, unknown>;
    return {
      url: typeof url === 'string' && url.length <= 2048 ? url : EMPTY_DRAFT.url,
      profile: RECEIVER_CHECK_PROFILES.includes(profile as ReceiverCheckProfileName) ? (profile as ReceiverCheckProfileName) : EMPTY_DRAFT.profile,
      secret: '',
      downFor: typeof downFor === 'string' && downFor.length <= 64 ? downFor : EMPTY_DRAFT.downFor,
    };
  } catch {
    return EMPTY_DRAFT;
  }
}

export function rememberDraft(draft: CheckDraft): void {
  try {
    localStorage.setItem(CHECK_DRAFT_STORAGE_KEY, JSON.stringify({ url: draft.url, profile: draft.profile, downFor: draft.downFor }));
  } catch {
    // Storage off or full: the form is simply not remembered.
  }
}
