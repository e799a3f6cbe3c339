/**
 * `${NAME}` references in configuration text (issue 13): resolved when a value is used, from the
 * active environment and then the process environment (the caller's `lookup` decides that order).
 *
 * Syntax: `${NAME}` with NAME = [A-Za-z_][A-Za-z0-9_]*; `$${` is a literal `${`. Anything else
 * (`${not-a-name}`, an unclosed `${A`, a lone `$`) is plain text, so text written before variables
 * existed keeps reading as it did unless it holds a well-formed reference.
 *
 * One left-to-right pass with indexOf and a hand-written name scan: linear in the text, no regex
 * backtracking, whatever the input. Pure (runs in the engine and the browser).
 */

export type VariableLookup = (name: string) => string | undefined;

export type Resolution = { ok: true; text: string } | { ok: false; missing: string[] };

/** Longest variable name read; a longer run is plain text (it cannot be a name anyone set). */
export const MAX_VARIABLE_NAME_LENGTH = 128;

type Piece = { text: string } | { name: string };

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

/** The name of a `${NAME}` starting at `open` (the index of `$`), and where it ends; null when it is not one. */
function referenceAt(text: string, open: number): { name: string; end: number } | null {
  const start = open + 2;
  if (!isNameStart(text.charCodeAt(start))) return null;
  let i = start + 1;
  const limit = Math.min(text.length, start + MAX_VARIABLE_NAME_LENGTH);
  while (i < limit && isNamePart(text.charCodeAt(i))) i += 1;
  if (text.charCodeAt(i) !== 125 /* } */) return null;
  return { name: text.slice(start, i), end: i + 1 };
}

/** Splits text into literal runs and references, with `$${` already turned into `${`. */
function scan(text: string, onPiece: (piece: Piece) => void): void {
  let from = 0;
  let literalStart = 0;
  let literal = '';
  while (from < text.length) {
    const dollar = text.indexOf('$', from);
    if (dollar === -1) break;
    if (text.startsWith('$${', dollar)) {
      // Escaped: keep "${" as text and read on after it (so "$${A}" is the text "${A}").
      literal += text.slice(literalStart, dollar) + '${';
      from = dollar + 3;
      literalStart = from;
      continue;
    }
    if (text.charCodeAt(dollar + 1) === 123 /* { */) {
      const ref = referenceAt(text, dollar);
      if (ref) {
        literal += text.slice(literalStart, dollar);
        if (literal !== '') onPiece({ text: literal });
        literal = '';
        onPiece({ name: ref.name });
        from = ref.end;
        literalStart = from;
        continue;
      }
    }
    from = dollar + 1;
  }
  literal += text.slice(literalStart);
  if (literal !== '') onPiece({ text: literal });
}

/** Quick test before the full scan: text without "${" has nothing to resolve (the common case). */
export function mayHoldVariables(text: string): boolean {
  return text.includes('${');
}

/** The names referenced in `text`, each once, in order of first use (escaped `$${` ones excluded). */
export function findVariables(text: string): string[] {
  if (!mayHoldVariables(text)) return [];
  const names = new Set<string>();
  scan(text, (piece) => {
    if ('name' in piece) names.add(piece.name);
  });
  return [...names];
}

/** Whether `text` holds at least one `${NAME}` reference. */
export function hasVariables(text: string): boolean {
  return findVariables(text).length > 0;
}

/**
 * `text` with every `${NAME}` replaced by its value and every `$${` by `${`, or the names that have
 * no value (never an empty string in their place). A value is inserted as it is: it is not scanned
 * again, so a value holding `${X}` stays that text.
 */
export function resolveVariables(text: string, lookup: VariableLookup): Resolution {
  if (!mayHoldVariables(text)) return { ok: true, text };
  const parts: string[] = [];
  const missing: string[] = [];
  scan(text, (piece) => {
    if ('text' in piece) {
      parts.push(piece.text);
      return;
    }
    const value = lookup(piece.name);
    if (value === undefined) {
      if (!missing.includes(piece.name)) missing.push(piece.name);
    } else {
      parts.push(value);
    }
  });
  return missing.length > 0 ? { ok: false, missing } : { ok: true, text: parts.join('') };
}

/**
 * The sentence a failed delivery, Send test, forward or log line shows:
 * "The variable ${TARGET} is not set in environment 'staging' or the process environment."
 */
export function unresolvedMessage(missing: readonly string[], environment: string | null): string {
  const refs = missing.map((name) => `\${${name}}`).join(', ');
  const subject = missing.length === 1 ? `The variable ${refs} is` : `The variables ${refs} are`;
  const where = environment === null ? 'the process environment (no environment is active)' : `environment '${environment}' or the process environment`;
  return `${subject} not set in ${where}.`;
}
