import { createScanner } from 'jsonc-parser';

/**
 * jsonc-parser's token kinds (its `SyntaxKind`), as values: the library declares them as an ambient
 * const enum, which this project's `verbatimModuleSyntax` cannot read.
 */
const SyntaxKind = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  CommaToken: 5,
  ColonToken: 6,
  NullKeyword: 7,
  TrueKeyword: 8,
  FalseKeyword: 9,
  StringLiteral: 10,
  NumericLiteral: 11,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17,
} as const;
type SyntaxKind = number;

/** jsonc-parser's `ScanError.None`. */
const NO_SCAN_ERROR = 0;

type Expect = 'value' | 'valueOrClose' | 'keyOrClose' | 'key' | 'colon' | 'commaOrClose' | 'end';

/**
 * Whether text is one JSON value, checked without building it and without recursion. Used for a
 * body nested deeper than the bound (shared/json/bounded-json.ts): JSON.parse would build a value
 * every later walk chokes on (and takes seconds on millions of levels), yet a body that is not
 * JSON at all must still be refused as such. jsonc-parser's scanner reads the tokens (strings,
 * numbers, literals); the grammar is a stack of open containers here. Comments (JSONC) are refused.
 */
export function isJsonText(text: string): boolean {
  const scanner = createScanner(text, false);
  const open: boolean[] = []; // true: an object, false: an array
  let expect: Expect = 'value';
  const afterValue = (): Expect => (open.length === 0 ? 'end' : 'commaOrClose');
  for (;;) {
    const token: SyntaxKind = scanner.scan();
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia) continue;
    if ((scanner.getTokenError() as number) !== NO_SCAN_ERROR) return false;
    if (token === SyntaxKind.EOF) return expect === 'end';
    switch (expect) {
      case 'value':
      case 'valueOrClose':
        if (token === SyntaxKind.OpenBraceToken) {
          open.push(true);
          expect = 'keyOrClose';
        } else if (token === SyntaxKind.OpenBracketToken) {
          open.push(false);
          expect = 'valueOrClose';
        } else if (token === SyntaxKind.CloseBracketToken && expect === 'valueOrClose') {
          open.pop();
          expect = afterValue();
        } else if (isScalar(token)) {
          expect = afterValue();
        } else {
          return false;
        }
        break;
      case 'keyOrClose':
      case 'key':
        if (token === SyntaxKind.StringLiteral) expect = 'colon';
        else if (token === SyntaxKind.CloseBraceToken && expect === 'keyOrClose') {
          open.pop();
          expect = afterValue();
        } else return false;
        break;
      case 'colon':
        if (token !== SyntaxKind.ColonToken) return false;
        expect = 'value';
        break;
      case 'commaOrClose': {
        const inObject = open[open.length - 1] === true;
        if (token === SyntaxKind.CommaToken) expect = inObject ? 'key' : 'value';
        else if ((token === SyntaxKind.CloseBraceToken && inObject) || (token === SyntaxKind.CloseBracketToken && !inObject)) {
          open.pop();
          expect = afterValue();
        } else return false;
        break;
      }
      case 'end':
        return false;
    }
  }
}

function isScalar(token: SyntaxKind): boolean {
  return (
    token === SyntaxKind.StringLiteral ||
    token === SyntaxKind.NumericLiteral ||
    token === SyntaxKind.NullKeyword ||
    token === SyntaxKind.TrueKeyword ||
    token === SyntaxKind.FalseKeyword
  );
}
