/**
 * How well a typed query matches a command's text: a prefix of the text beats a prefix of one of its
 * words, which beats a run of letters inside it, which beats the letters in order with gaps
 * (`nwh` → "New webhook"). `null` when the letters are not all there in order. Case is ignored.
 * Linear in the text's length: no RegExp is built from what was typed.
 */
export function matchScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const t = text.toLowerCase();
  if (t.startsWith(q)) return 1000 - t.length;
  const at = t.indexOf(q);
  if (at > 0 && !/[a-z0-9]/.test(t[at - 1] ?? '')) return 800 - t.length;
  if (at > 0) return 600 - t.length;
  let from = 0;
  let gaps = 0;
  for (const ch of q) {
    if (ch === ' ') continue;
    const found = t.indexOf(ch, from);
    if (found < 0) return null;
    if (found > from) gaps += 1;
    from = found + 1;
  }
  return 400 - gaps * 10 - t.length;
}

/** `key` contains what was typed as one run of characters (ids: never letters scattered through them). */
function runScore(query: string, key: string | undefined): number | null {
  const q = query.trim().toLowerCase();
  if (key === undefined || q === '') return null;
  const at = key.toLowerCase().indexOf(q);
  if (at < 0) return null;
  return (at === 0 ? 1000 : 600) - key.length;
}

/**
 * The items that match, best first; ties keep the given order (sections before resources before
 * actions). `exactKeyOf` gives text matched only as a run of characters (see `runScore`).
 */
export function rankByMatch<T>(items: readonly T[], query: string, textOf: (item: T) => string, exactKeyOf?: (item: T) => string | undefined): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = matchScore(query, textOf(item)) ?? runScore(query, exactKeyOf?.(item));
    if (score !== null) scored.push({ item, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.item);
}
