/**
 * Event-type globs, case-insensitive: `*` matches any run of characters (dots included), `?` one
 * character; everything else is literal. `Flow.*` matches `Flow.Executed`, `*` matches everything.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const ch of glob) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[\\^$.+()|[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

export function globMatches(glob: string, text: string): boolean {
  return globToRegExp(glob).test(text);
}
