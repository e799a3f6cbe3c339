const BACKSLASH = 0x5c;

/**
 * The index of the quote that ends the JSON string opened at `open` (one not escaped by an odd run
 * of backslashes), or the text's length when it never closes. Jumps with `indexOf` (native, fast),
 * so scanners that skip string contents pay only for the characters between strings.
 */
export function closingQuote(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote !== -1) {
    let backslashes = 0;
    for (let k = quote - 1; text.charCodeAt(k) === BACKSLASH; k -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}
