/**
 * Map keys and ids the formats restrict (AsyncAPI component keys, OpenAPI operationIds and
 * security scheme names: `^[A-Za-z0-9._-]+$`), made from free text (event types, webhook names),
 * unique within one document, and the same for the same input order.
 */
export class CatalogKeys {
  private readonly used = new Set<string>();

  /** `text` with every other character as `_` (at most 100 characters), `_2`, `_3`... when already given out. */
  keyFor(text: string): string {
    const base = text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || '_';
    let key = base;
    for (let n = 2; this.used.has(key.toLowerCase()); n += 1) key = `${base}_${n}`;
    this.used.add(key.toLowerCase());
    return key;
  }
}

/** The catalog as a file: 2-space JSON and a final newline (stable, so it diffs well). */
export function catalogText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** An event type's namespace (`order` of `order.created`), for grouping. */
export function namespaceOf(type: string): string {
  const dot = type.indexOf('.');
  return dot > 0 ? type.slice(0, dot) : type;
}
