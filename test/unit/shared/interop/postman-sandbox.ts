// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- postman-collection ships its types (an ambient module) without naming them in package.json
/// <reference path="../../../../node_modules/postman-collection/types/index.d.ts" />
import { createHmac } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { expect as chaiExpect } from 'chai';
import { Collection, VariableScope, type Item } from 'postman-collection';

/**
 * Just enough of Postman's script sandbox to run a Hookdesk collection's scripts for real: `pm.request`
 * is the postman-collection SDK's own Request (headers.upsert as Postman has it), `pm.variables` an SDK
 * VariableScope (replaceIn as Postman resolves {{variables}}), `pm.expect` chai's expect (as in Postman),
 * and `CryptoJS` the calls the scripts make, built on node:crypto.
 */

class WordArray {
  constructor(readonly bytes: Buffer) {}
  toString(encoder: Encoder = utf8): string {
    return encoder.stringify(this);
  }
}
interface Encoder {
  parse(text: string): WordArray;
  stringify(words: WordArray): string;
}
const utf8: Encoder = { parse: (text) => new WordArray(Buffer.from(text, 'utf8')), stringify: (w) => w.bytes.toString('utf8') };
const hex: Encoder = { parse: (text) => new WordArray(Buffer.from(text, 'hex')), stringify: (w) => w.bytes.toString('hex') };
const base64: Encoder = { parse: (text) => new WordArray(Buffer.from(text, 'base64')), stringify: (w) => w.bytes.toString('base64') };
/** CryptoJS reads a string argument as UTF-8. */
const bytesOf = (value: string | WordArray): Buffer => (typeof value === 'string' ? Buffer.from(value, 'utf8') : value.bytes);
const hmac = (algorithm: string) => (message: string | WordArray, key: string | WordArray) =>
  new WordArray(createHmac(algorithm, bytesOf(key)).update(bytesOf(message)).digest());

export const CryptoJS = { HmacSHA1: hmac('sha1'), HmacSHA256: hmac('sha256'), enc: { Utf8: utf8, Hex: hex, Base64: base64 } };

/** The collection as Postman loads it, and its request items by name. */
export function loadCollection(json: unknown): { collection: Collection; item(name: string): Item } {
  const collection = new Collection(json as Collection.definition);
  return {
    collection,
    item(name) {
      const found = (collection.items.all() as Item[]).find((i) => i.name === name);
      if (!found) throw new Error(`No request named ${name}`);
      return found as Item;
    },
  };
}

function scriptOf(item: Item, listen: 'prerequest' | 'test'): string {
  const [event] = item.events.listenersOwn(listen);
  const exec = event?.script.exec as string[] | string | undefined;
  return Array.isArray(exec) ? exec.join('\n') : (exec ?? '');
}

/** The item's auth block as Postman reads it: its type and its parameters by key. */
export function authOf(item: Item): { type: string; params: Record<string, unknown> } {
  const auth = item.request.auth as unknown as { type: string; parameters(): { toObject(): Record<string, unknown> } } | undefined;
  return auth ? { type: auth.type, params: auth.parameters().toObject() } : { type: '(none)', params: {} };
}

/** The listeners of an item's scripts, in order. */
export function listenersOf(item: Item): string[] {
  return (item.events.all() as { listen: string }[]).map((e) => e.listen);
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Runs the item's pre-request script with the collection's variables (and `values` over them, as a
 * person sets them in Postman), then resolves the request as Postman sends it: {{variables}} in the
 * URL, headers and body. Auth blocks are not applied (they are checked on their own).
 */
export function runPreRequest(collection: Collection, item: Item, values: Record<string, string> = {}): { request: SentRequest; variables: VariableScope } {
  const variables = new VariableScope({ values: (collection.variables.all() as { key: string; value: unknown }[]).map((v) => ({ key: v.key, value: v.value as unknown })) } as VariableScope.definition);
  for (const [key, value] of Object.entries(values)) variables.set(key, value, 'string');
  const request = item.request;
  runInNewContext(scriptOf(item, 'prerequest'), { pm: { request, variables }, CryptoJS });
  const resolve = (text: string): string => variables.replaceIn(text) as string;
  const headers: Record<string, string> = {};
  for (const header of request.headers.all()) if (!header.disabled) headers[header.key] = resolve(String(header.value));
  const body = request.body?.mode === 'raw' ? resolve(request.body.raw ?? '') : '';
  return { request: { method: request.method, url: resolve(request.url.toString()), headers, body }, variables };
}

/** A received answer, as `pm.response` shows it. */
export interface Answer {
  code: number;
  text: string;
}

export interface TestResult {
  name: string;
  passed: boolean;
  skipped: boolean;
  error: string | null;
}

/** Runs the item's test script against an answer; every `pm.test` and `pm.test.skip`, in order. */
export function runTests(item: Item, answer: Answer): TestResult[] {
  const results: TestResult[] = [];
  const test = (name: string, fn: () => void): void => {
    try {
      fn();
      results.push({ name, passed: true, skipped: false, error: null });
    } catch (error) {
      results.push({ name, passed: false, skipped: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  test.skip = (name: string): void => {
    results.push({ name, passed: false, skipped: true, error: null });
  };
  const response = { code: answer.code, text: () => answer.text, json: () => JSON.parse(answer.text) as unknown };
  runInNewContext(scriptOf(item, 'test'), { pm: { test, expect: chaiExpect, response } });
  return results;
}
