/**
 * Reads back the HCL expressions the Terraform generator puts inside `jsonencode(...)` (which
 * @cdktf/hcl2json hands back as expression text): quoted templates, numbers, booleans, null,
 * `var.NAME`, resource references, objects (`"key" = value`, newline or comma separated) and lists.
 * A variable becomes `{ var: NAME }`; a template with interpolations becomes `{ template: [...] }`.
 * Test-only: hcl2json (HashiCorp's parser) has already proved the whole file is valid HCL.
 */
export type Read = string | number | boolean | null | { var: string } | { ref: string } | { template: Array<string | { var: string }> } | Read[] | { [key: string]: Read };

export function readHclExpression(text: string): Read {
  let i = 0;
  const space = (): void => {
    while (i < text.length && /[\s,]/.test(text[i] ?? '')) i += 1;
  };
  const expect = (ch: string): void => {
    space();
    if (text[i] !== ch) throw new Error(`expected ${ch} at ${i}: ${text.slice(i, i + 30)}`);
    i += 1;
  };
  const quoted = (): string | { template: Array<string | { var: string }> } => {
    expect('"');
    const parts: Array<string | { var: string }> = [];
    let literal = '';
    while (text[i] !== '"') {
      if (i >= text.length) throw new Error('unterminated string');
      const ch = text[i] ?? '';
      if (ch === '\\') {
        const next = text[i + 1] ?? '';
        if (next === 'u') {
          literal += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        literal += ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[next] ?? next;
        i += 2;
      } else if ((ch === '$' || ch === '%') && text[i + 1] === ch && text[i + 2] === '{') {
        literal += `${ch}{`;
        i += 3;
      } else if (ch === '$' && text[i + 1] === '{') {
        const end = text.indexOf('}', i);
        const inner = text.slice(i + 2, end);
        if (!inner.startsWith('var.')) throw new Error(`unexpected interpolation ${inner}`);
        if (literal !== '') parts.push(literal);
        literal = '';
        parts.push({ var: inner.slice(4) });
        i = end + 1;
      } else if (ch === '%' && text[i + 1] === '{') {
        throw new Error('template directive in a string');
      } else {
        literal += ch;
        i += 1;
      }
    }
    i += 1;
    if (literal !== '') parts.push(literal);
    if (parts.every((p) => typeof p === 'string')) return parts.join('');
    return { template: parts };
  };
  const value = (): Read => {
    space();
    const ch = text[i];
    if (ch === '"') return quoted();
    if (ch === '{') {
      i += 1;
      const object: Record<string, Read> = {};
      for (;;) {
        space();
        if (text[i] === '}') {
          i += 1;
          return object;
        }
        const key = quoted();
        if (typeof key !== 'string') throw new Error('a key with interpolation');
        expect('=');
        object[key] = value();
      }
    }
    if (ch === '[') {
      i += 1;
      const list: Read[] = [];
      for (;;) {
        space();
        if (text[i] === ']') {
          i += 1;
          return list;
        }
        list.push(value());
      }
    }
    const word = /^[A-Za-z0-9_.+-]+/.exec(text.slice(i))?.[0] ?? '';
    if (word === '') throw new Error(`unexpected ${text.slice(i, i + 20)}`);
    i += word.length;
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (/^-?\d/.test(word)) return Number(word);
    if (word.startsWith('var.')) return { var: word.slice(4) };
    return { ref: word };
  };
  const result = value();
  space();
  if (i !== text.length) throw new Error(`trailing text: ${text.slice(i, i + 30)}`);
  return result;
}

/** The argument of `${jsonencode(ARG)}` as hcl2json gives an attribute holding that call. */
export function readJsonencode(attribute: unknown): Read {
  const text = String(attribute);
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(text);
  if (!match) throw new Error(`not a jsonencode call: ${text.slice(0, 60)}`);
  return readHclExpression(match[1] ?? '');
}
