import type { ShapeDrift } from '../schemas/event';

/**
 * A compact model of the JSON values seen at one place (an event body, then recursively its
 * properties and array items), merged one value at a time. Plain JSON, so it is stored as is;
 * `properties` maps have no prototype in memory, so a key like `__proto__` is just a key.
 */
export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'object' | 'array';

export interface ShapeNode {
  /** The JSON types seen here, in the order of `JSON_TYPES`; `integer` is dropped once `number` is seen. */
  types: JsonType[];
  /** Values seen here: events for the body, parent objects that had this property, sampled items. */
  count: number;
  /** How many of those values were objects: a property is required when it was in each of them. */
  objects?: number;
  /** Per key, in the order keys were first seen. */
  properties?: Record<string, ShapeNode>;
  /** Every sampled item of every array seen here, merged. */
  items?: ShapeNode;
  /** Whether every string seen here looked like an RFC 3339 date-time (absent until a string is seen). */
  dateTime?: boolean;
  /** Some properties or items were not tracked (a limit was reached). */
  truncated?: true;
}

/** The shape of one event type: the body's node and how many nodes it holds (for the node limit). */
export interface Shape {
  root: ShapeNode;
  nodes: number;
}

/** Bounds on the work per value, so that merging stays cheap on the push hot path. */
export interface ShapeLimits {
  /** Values deeper than this (the body is depth 0) are typed but not looked into. */
  maxDepth: number;
  /** Properties tracked per object; later new keys are not. */
  maxProperties: number;
  /** Items sampled per array (the first ones). */
  maxItems: number;
  /** Nodes per shape, all depths together. */
  maxNodes: number;
  /** Values looked at per merged body (default DEFAULT_MAX_VALUES); past it the rest of the body is not looked into. */
  maxValues?: number;
}

/** Values one merge looks at, at most: a wide body (a million keys at the top) costs no more than this. */
export const DEFAULT_MAX_VALUES = 20_000;

export const DEFAULT_SHAPE_LIMITS: ShapeLimits = { maxDepth: 12, maxProperties: 200, maxItems: 20, maxNodes: 2_000, maxValues: DEFAULT_MAX_VALUES };

export const JSON_TYPES: readonly JsonType[] = ['null', 'boolean', 'integer', 'number', 'string', 'object', 'array'];

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'string':
      return 'string';
    case 'object':
      return Array.isArray(value) ? 'array' : 'object';
    default:
      return 'null';
  }
}

/** RFC 3339 date-time (what JSON Schema's `format: "date-time"` means): date, `T`, time with seconds, offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export function looksLikeDateTime(value: string): boolean {
  return value.length >= 20 && value.length <= 40 && DATE_TIME.test(value);
}

/** A shape that has seen nothing yet. */
export function emptyShape(): Shape {
  return { root: { types: [], count: 0 }, nodes: 1 };
}

/** What merging one value did. */
export interface MergeResult {
  /** The inferred JSON Schema differs from before: a new path, a new type, a property no longer in every value, a format lost, a limit reached. */
  changed: boolean;
  /** How the value differs from the values merged before it; null when there were none (the first value) or when it conforms. */
  drift: ShapeDrift | null;
}

/**
 * Merges one value (an event body) into the shape, in place, and tells how it differs from the
 * values merged before. Paths are JSONPath-like: `$.data.object.id`, `$.items[*].sku`,
 * `$['key with spaces']`. Only the topmost new path of a new subtree is reported as added, and
 * only the topmost missing one.
 */
export function mergeValue(shape: Shape, value: unknown, limits: ShapeLimits = DEFAULT_SHAPE_LIMITS): MergeResult {
  const merge = new Merger(shape, limits);
  merge.node(shape.root, value, 0, shape.root.count > 0);
  return { changed: merge.changed, drift: merge.drift() };
}

/** A path segment for "every item of the array here". */
const ITEMS: unique symbol = Symbol('items');

/** Property counts of `properties` maps, so that a merge need not count keys (filled lazily: copies and revived shapes start without). */
const propertyCounts = new WeakMap<Record<string, ShapeNode>, number>();

function propertyCount(properties: Record<string, ShapeNode>): number {
  let count = propertyCounts.get(properties);
  if (count === undefined) {
    count = Object.keys(properties).length;
    propertyCounts.set(properties, count);
  }
  return count;
}

class Merger {
  changed = false;
  /** Values still to look at in this merge (the work bound). */
  private budget: number;
  private added: Set<string> | null = null;
  private missing: Set<string> | null = null;
  private typeChanges: Map<string, ShapeDrift['changed'][number]> | null = null;
  /** Where the walk is: keys and ITEMS from the body down (paths are only built when something is reported). */
  private readonly segments: (string | typeof ITEMS)[] = [];

  constructor(
    private readonly shape: Shape,
    private readonly limits: ShapeLimits,
  ) {
    this.budget = limits.maxValues ?? DEFAULT_MAX_VALUES;
  }

  drift(): ShapeDrift | null {
    if (!this.added && !this.missing && !this.typeChanges) return null;
    return { added: [...(this.added ?? [])], missing: [...(this.missing ?? [])], changed: [...(this.typeChanges?.values() ?? [])] };
  }

  /** `report`: differences here are drift (false for the first value, and inside anything new as a whole). */
  node(node: ShapeNode, value: unknown, depth: number, report: boolean): void {
    if (this.budget <= 0) {
      // The work bound is reached: what is left of the body is not looked into, and the shape says so.
      this.truncate(this.shape.root);
      return;
    }
    this.budget -= 1;
    const type = jsonTypeOf(value);
    const hadType = conforms(node.types, type);
    if (!hadType) {
      if (report && node.count > 0) {
        const path = this.path();
        // Array items repeat paths: the first difference per path is the one reported.
        this.typeChanges ??= new Map();
        if (!this.typeChanges.has(path)) this.typeChanges.set(path, { path, was: node.types.join(' | '), now: type });
      }
      addType(node.types, type);
      this.changed = true;
    }
    node.count += 1;
    if (type === 'string') {
      const dateTime = looksLikeDateTime(value as string);
      if (node.dateTime === undefined) node.dateTime = dateTime;
      else if (node.dateTime && !dateTime) {
        node.dateTime = false;
        this.changed = true;
      }
      return;
    }
    if (depth >= this.limits.maxDepth) return;
    if (type === 'object') this.object(node, value as Record<string, unknown>, depth, report);
    else if (type === 'array') this.array(node, value as unknown[], depth, report && hadType);
  }

  private object(node: ShapeNode, value: Record<string, unknown>, depth: number, report: boolean): void {
    const earlier = node.objects ?? 0;
    node.objects = earlier + 1;
    const properties = (node.properties ??= Object.create(null) as Record<string, ShapeNode>);
    const known = propertyCount(properties);
    let tracked = known;
    let matched = 0;
    const segments = this.segments;
    let exhausted = false;
    for (const key of Object.keys(value)) {
      if (this.budget <= 0) {
        exhausted = true;
        this.truncate(this.shape.root);
        break;
      }
      const child = properties[key];
      segments.push(key);
      if (child) {
        matched += 1;
        this.node(child, value[key], depth + 1, report);
      } else if (tracked >= this.limits.maxProperties || this.shape.nodes >= this.limits.maxNodes) {
        this.truncate(node);
      } else {
        const created: ShapeNode = { types: [], count: 0 };
        properties[key] = created;
        tracked += 1;
        propertyCounts.set(properties, tracked);
        this.shape.nodes += 1;
        this.changed = true;
        // New in an object where objects were seen before; in the first object here the keys are not news.
        if (report && earlier > 0) (this.added ??= new Set()).add(this.path());
        this.node(created, value[key], depth + 1, false);
      }
      segments.pop();
    }
    // Keys not looked at (the work bound) are not reported missing.
    if (exhausted || earlier === 0 || matched === known) return;
    for (const key in properties) {
      if (Object.hasOwn(value, key)) continue;
      // It was in every earlier object here (its count did not move for this one): required until now.
      if ((properties[key] as ShapeNode).count === earlier) {
        this.changed = true;
        if (report) {
          segments.push(key);
          (this.missing ??= new Set()).add(this.path());
          segments.pop();
        }
      }
    }
  }

  /** `report`: arrays were seen here before, and differences are drift. */
  private array(node: ShapeNode, value: unknown[], depth: number, report: boolean): void {
    const sampled = Math.min(value.length, this.limits.maxItems);
    if (sampled === 0) return;
    let items = node.items;
    let itemsReport = report;
    this.segments.push(ITEMS);
    if (!items) {
      if (this.shape.nodes >= this.limits.maxNodes) {
        this.segments.pop();
        this.truncate(node);
        return;
      }
      items = { types: [], count: 0 };
      node.items = items;
      this.shape.nodes += 1;
      this.changed = true;
      // Only empty arrays were seen here before: items are new.
      if (report) (this.added ??= new Set()).add(this.path());
      itemsReport = false;
    }
    for (let i = 0; i < sampled && this.budget > 0; i += 1) this.node(items, value[i], depth + 1, itemsReport);
    this.segments.pop();
  }

  /** Marks a node where a limit kept some properties or items from being tracked. */
  private truncate(node: ShapeNode): void {
    if (node.truncated) return;
    node.truncated = true;
    this.changed = true;
  }

  private path(): string {
    let path = '$';
    for (const segment of this.segments) path = segment === ITEMS ? `${path}[*]` : pathOf(path, segment);
    return path;
  }
}

/** A value of `type` needs no new type here: it was seen, or it is an integer where numbers were. */
function conforms(types: readonly JsonType[], type: JsonType): boolean {
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function addType(types: JsonType[], type: JsonType): void {
  if (type === 'number') {
    const integer = types.indexOf('integer');
    if (integer >= 0) types.splice(integer, 1);
  }
  types.push(type);
  types.sort((a, b) => JSON_TYPES.indexOf(a) - JSON_TYPES.indexOf(b));
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `$.key` for identifier-like keys, else `$['key']` with `'` and `\` escaped. */
export function pathOf(parent: string, key: string): string {
  if (IDENTIFIER.test(key)) return `${parent}.${key}`;
  return `${parent}['${key.replace(/[\\']/g, (c) => `\\${c}`)}']`;
}

/** A copy (for a record that must not change after it is taken). */
export function cloneShape(shape: Shape): Shape {
  return { root: cloneNode(shape.root), nodes: shape.nodes };
}

function cloneNode(node: ShapeNode): ShapeNode {
  const copy: ShapeNode = { types: [...node.types], count: node.count };
  if (node.objects !== undefined) copy.objects = node.objects;
  if (node.properties) {
    const properties = Object.create(null) as Record<string, ShapeNode>;
    for (const key in node.properties) properties[key] = cloneNode(node.properties[key] as ShapeNode);
    copy.properties = properties;
  }
  if (node.items) copy.items = cloneNode(node.items);
  if (node.dateTime !== undefined) copy.dateTime = node.dateTime;
  if (node.truncated) copy.truncated = true;
  return copy;
}

/**
 * A shape read back from JSON (a journal record): the same, with prototype-free `properties`, so
 * that keys such as `__proto__` or `constructor` keep behaving as plain keys. Answers null when the
 * value is not a shape.
 */
export function reviveShape(value: unknown): Shape | null {
  if (typeof value !== 'object' || value === null) return null;
  const { root, nodes } = value as { root?: unknown; nodes?: unknown };
  const node = reviveNode(root, 0);
  return node && typeof nodes === 'number' ? { root: node, nodes } : null;
}

function reviveNode(value: unknown, depth: number): ShapeNode | null {
  if (typeof value !== 'object' || value === null || depth > 64) return null;
  const raw = value as Partial<Record<keyof ShapeNode, unknown>>;
  if (!Array.isArray(raw.types) || typeof raw.count !== 'number') return null;
  const node: ShapeNode = { types: raw.types.filter((t): t is JsonType => JSON_TYPES.includes(t as JsonType)), count: raw.count };
  if (typeof raw.objects === 'number') node.objects = raw.objects;
  if (typeof raw.properties === 'object' && raw.properties !== null) {
    const properties = Object.create(null) as Record<string, ShapeNode>;
    for (const [key, child] of Object.entries(raw.properties)) {
      const revived = reviveNode(child, depth + 1);
      if (revived) properties[key] = revived;
    }
    node.properties = properties;
  }
  const items = raw.items === undefined ? null : reviveNode(raw.items, depth + 1);
  if (items) node.items = items;
  if (typeof raw.dateTime === 'boolean') node.dateTime = raw.dateTime;
  if (raw.truncated === true) node.truncated = true;
  return node;
}
