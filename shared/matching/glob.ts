/**
 * Event-type globs, case-insensitive: `*` matches any run of characters (dots included), `?` one
 * character; everything else is literal. `Flow.*` matches `Flow.Executed`, `*` matches everything.
 *
 * Matched without building a RegExp: the glob is the user's and the text is the sender's, and a
 * regex like `^.*\..*\..*\..*\..*\.failed$` backtracks exponentially on a type of 200 dots. This
 * matcher goes through the text once per star at most (it only ever backtracks to the last star),
 * so the work is at most glob length × text length, and usually linear.
 */

/** Texts longer than this (event types and versions are at most 200) match only a glob of stars. */
export const MAX_GLOB_TEXT_LENGTH = 1024;

export function globMatches(glob: string, text: string): boolean {
  const g = glob.toLowerCase();
  const t = text.toLowerCase();
  if (t.length > MAX_GLOB_TEXT_LENGTH) return /^\**$/.test(g);
  let gi = 0;
  let ti = 0;
  // Where the last star was in the glob, and the text position it is currently standing in for.
  let star = -1;
  let starText = 0;
  while (ti < t.length) {
    const c = g.charCodeAt(gi);
    if (gi < g.length && c !== 0x2a /* * */ && (c === 0x3f /* ? */ || c === t.charCodeAt(ti))) {
      gi += 1;
      ti += 1;
    } else if (gi < g.length && c === 0x2a) {
      star = gi;
      starText = ti;
      gi += 1;
    } else if (star !== -1) {
      // Let the last star swallow one more character and try the rest of the glob again.
      gi = star + 1;
      starText += 1;
      ti = starText;
    } else {
      return false;
    }
  }
  while (gi < g.length && g.charCodeAt(gi) === 0x2a) gi += 1;
  return gi === g.length;
}
