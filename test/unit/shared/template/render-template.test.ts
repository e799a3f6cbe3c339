import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../../shared/template/render-template';

const HOSTILE = [
  'He said "hi"',
  'back\\slash \\" \\u0041',
  'line1\nline2\r\nline3\ttab',
  '</script><script>alert(1)</script>',
  '{{data.secret}} {{{x}}} {{#a}}{{/a}}',
  '\u0000\u0001\u001f\u007f',
  'emoji 😀 and 中文 and \u2028\u2029',
  '\ud800 lone surrogate',
  '"}], "injected": true, "x": ["',
];

function render(template: string, data: unknown) {
  const result = renderTemplate(template, { data }, 'json');
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

describe('JSON templates: values escaped for the place they land', () => {
  it.each(HOSTILE)('hostile string %j inside a string literal and as a bare value keeps the JSON intact', (value) => {
    const text = render('{"quoted": "{{data.v}}", "bare": {{data.v}}, "raw": {{{data.v}}}, "prefixed": "x-{{data.v}}-y"}', { v: value });
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const expected = value.replace(/\ud800/g, '\ufffd');
    const clean = (s: unknown) => String(s).replace(/\ud800/g, '\ufffd');
    expect(clean(parsed.quoted)).toBe(expected);
    expect(clean(parsed.bare)).toBe(expected);
    expect(clean(parsed.raw)).toBe(expected);
    expect(clean(parsed.prefixed)).toBe(`x-${expected}-y`);
    expect(Object.keys(parsed)).toEqual(['quoted', 'bare', 'raw', 'prefixed']);
  });

  it('random strings never break the JSON (1000 runs)', () => {
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['"', '\\', '\n', '{', '}', '[', ']', ',', ':', 'a', ' ', '\u0000', 'é', '😀', '{{', '}}', '/', '<'];
    for (let run = 0; run < 1000; run++) {
      const value = Array.from({ length: Math.floor(next() * 20) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const parsed = JSON.parse(render('{"a": "{{data.v}}", "b": {{data.v}}, "c": [{{#data.list}}"{{.}}"{{^@last}},{{/@last}}{{/data.list}}]}', { v: value, list: [value, value] })) as {
        a: string;
        b: string;
        c: string[];
      };
      expect(parsed).toEqual({ a: value, b: value, c: [value, value] });
    }
  });

  it('bare values become JSON literals: numbers, booleans, null for missing, objects whole', () => {
    const text = render('{"n": {{data.n}}, "t": {{data.t}}, "z": {{data.z}}, "missing": {{data.nope}}, "o": {{data.o}}, "arr": {{data.arr}}}', {
      n: 4.5,
      t: true,
      z: null,
      o: { k: 'v"' },
      arr: [1, 'two'],
    });
    expect(JSON.parse(text)).toEqual({ n: 4.5, t: true, z: null, missing: null, o: { k: 'v"' }, arr: [1, 'two'] });
  });

  it('inside a string: numbers printed, missing empty, objects as escaped JSON text', () => {
    const text = render('{"n": "{{data.n}}", "m": "{{data.nope}}", "o": "{{data.o}}"}', { n: 7, o: { a: [1] } });
    expect(JSON.parse(text)).toEqual({ n: '7', m: '', o: '{"a":[1]}' });
  });

  it('{{json path}} inserts the value as raw JSON, or as escaped JSON text inside a string', () => {
    const data = { items: [{ id: 1, name: 'a"b' }], nested: { x: null } };
    const text = render('{"items": {{json data.items}}, "asText": "{{json data.items}}", "triple": {{{json data.nested}}}}', data);
    expect(JSON.parse(text)).toEqual({ items: data.items, asText: JSON.stringify(data.items), triple: data.nested });
  });

  it('sections repeat over arrays with @index/@first/@last, hide on empty/false, inverted sections show', () => {
    const tpl = '[{{#data.items}}{"i": {{@index}}, "first": {{@first}}, "id": {{id}}, "parentName": {{data.name}}}{{^@last}},{{/@last}}{{/data.items}}]{{^data.none}} {{/data.none}}';
    const text = render(tpl, { name: 'P', items: [{ id: 'x' }, { id: 'y' }], none: [] });
    expect(JSON.parse(text)).toEqual([
      { i: 0, first: true, id: 'x', parentName: 'P' },
      { i: 1, first: false, id: 'y', parentName: 'P' },
    ]);
    expect(render('[{{#data.flag}}1{{/data.flag}}]', { flag: false })).toBe('[]');
    expect(render('{{#data.obj}}{"v": {{v}}}{{/data.obj}}', { obj: { v: 3 } })).toBe('{"v": 3}');
  });

  it('an Apono-style template renders and parses', () => {
    const tpl = '{\n  "event_type": "{{eventType}}",\n  "data": {\n    "id": "{{data.id}}",\n    "name": "{{data.name}}",\n    "issues": [{{#data.issues}}{"status": "{{status}}", "message": "{{message}}"}{{^@last}}, {{/@last}}{{/data.issues}}]\n  }\n}';
    const view = { eventType: 'integration.failed', data: { id: 'i-1', name: 'AWS "prod"', issues: [{ status: 'Error', message: 'Access\ndenied' }] } };
    const result = renderTemplate(tpl, view, 'json');
    expect(result.ok && JSON.parse(result.text)).toEqual({
      event_type: 'integration.failed',
      data: { id: 'i-1', name: 'AWS "prod"', issues: [{ status: 'Error', message: 'Access\ndenied' }] },
    });
  });

  it('reads own properties only: no prototype members, no functions', () => {
    expect(render('{"a": "{{data.constructor}}", "b": "{{data.toString}}", "c": "{{data.__proto__}}"}', {})).toBe('{"a": "", "b": "", "c": ""}');
  });

  it('data that looks like a template is never rendered again', () => {
    expect(JSON.parse(render('{"a": "{{data.v}}"}', { v: '{{data.secret}}', secret: 'S' }))).toEqual({ a: '{{data.secret}}' });
  });

  it('escaped quotes in the template text keep the string state right', () => {
    const text = render('{"a": "say \\"{{data.v}}\\" now", "b": {{data.v}}}', { v: 'x"y' });
    expect(JSON.parse(text)).toEqual({ a: 'say "x"y" now', b: 'x"y' });
  });
});

describe('template syntax errors', () => {
  it('unclosed section: message with line and column in the template', () => {
    const result = renderTemplate('{\n  "a": {{#data.items}}1\n}', { data: {} }, 'json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/Unclosed section "data.items"/);
      expect(result.error.line).toBe(3);
    }
  });

  it('unclosed tag and partials', () => {
    const unclosed = renderTemplate('{"a": {{data.x}', {}, 'json');
    expect(unclosed.ok || unclosed.error).toMatchObject({ line: 1 });
    const partial = renderTemplate('{"a": 1}\n{{> other}}', {}, 'json');
    expect(partial.ok || partial.error).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/Partials/) });
  });
});

describe('form and text modes', () => {
  it('URL-encodes values in form mode (space as +), raw with {{{ }}}', () => {
    const result = renderTemplate('a={{v}}&b={{{raw}}}&j={{json o}}', { v: 'x y&z=1/é', raw: 'p%20q', o: { k: 1 } }, 'form');
    expect(result.ok && result.text).toBe('a=x+y%26z%3D1%2F%C3%A9&b=p%20q&j=%7B%22k%22%3A1%7D');
    expect(result.ok && Object.fromEntries(new URLSearchParams(result.text))).toEqual({ a: 'x y&z=1/é', b: 'p q', j: '{"k":1}' });
  });

  it('text mode prints values as they are', () => {
    expect(renderTemplate('Hi {{name}}, {{n}}', { name: '"you"', n: 2 }, 'text')).toEqual({ ok: true, text: 'Hi "you", 2' });
  });
});
