import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleReport, FIRST_SCREEN_JS_LIMIT, htmlScripts, type BundleReport } from '../../../scripts/bundle-report';

/**
 * The workspace starts fast: the built renderer (out/renderer, as `npm run build` leaves it) loads at
 * most 1 MB of JavaScript before the first screen, and carries no Monaco language beyond the three
 * the app shows. Builds first if out/ is missing or older than the sources.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const OUT = join(ROOT, 'out', 'renderer');
const ALLOWED_LANGUAGES = ['hookdesk-template', 'json', 'plaintext'];

let report: BundleReport;
let manifestKeys: string[];
let jsFiles: string[];

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-built.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed (see above)');
  report = bundleReport(OUT);
  manifestKeys = Object.keys(JSON.parse(readFileSync(join(OUT, '.vite', 'manifest.json'), 'utf8')) as Record<string, unknown>);
  jsFiles = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js'));
}, 180_000);

/** The language ids Monaco registers in this JavaScript (`languages.register({id: "xml", extensions|aliases: ...})`). */
function registeredLanguages(js: string): string[] {
  return [...js.matchAll(/\{id:["'`]([\w-]+)["'`],(?:extensions|aliases):/g)].map((m) => m[1] as string);
}

describe('the first screen', () => {
  it('loads at most 1 MB of JavaScript', () => {
    expect(report.firstScreen.length).toBeGreaterThan(0);
    expect(report.firstScreenBytes, report.firstScreen.map((c) => `${c.file} ${c.bytes}`).join('\n')).toBeLessThanOrEqual(FIRST_SCREEN_JS_LIMIT);
  });

  it('counts everything index.html loads', () => {
    const html = readFileSync(join(OUT, 'index.html'), 'utf8');
    const named = htmlScripts(html);
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(report.firstScreen.map((c) => c.file)).toContain(file);
  });

  it('does not load Monaco: it arrives with the first editor', () => {
    const firstScreenJs = report.firstScreen.map((c) => readFileSync(join(OUT, c.file), 'utf8')).join('\n');
    expect(firstScreenJs).not.toContain('createDiffEditor');
    expect(firstScreenJs).not.toContain('monaco-editor');
    expect(report.later.some((c) => readFileSync(join(OUT, c.file), 'utf8').includes('createDiffEditor'))).toBe(true);
  });
});

describe('Monaco', () => {
  it('registers only JSON, plain text and the template language', () => {
    const found = new Set(jsFiles.flatMap((f) => registeredLanguages(readFileSync(join(OUT, 'assets', f), 'utf8'))));
    // JSON is found: the detector reads this minifier's output (before the split it found 84 languages).
    expect(found).toContain('json');
    expect([...found].filter((id) => !ALLOWED_LANGUAGES.includes(id))).toEqual([]);
  });

  it('bundles no other language definition or language worker', () => {
    const otherLanguages = manifestKeys.filter((key) => /monaco-editor\/esm\/vs\/(languages\/definitions\/(?!_\.contribution)|languages\/features\/(?!json\/|common\/))/.test(key));
    expect(otherLanguages).toEqual([]);
    const workers = jsFiles.filter((f) => /worker/i.test(f)).map((f) => f.replace(/-[\w-]+\.js$/, ''));
    expect(workers.sort()).toEqual(['editor.worker', 'json.worker']);
  });
});
