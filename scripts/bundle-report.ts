import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the built renderer makes a browser download: the JavaScript of the first screen (what
 * index.html loads: its module scripts, their static imports and modulepreloads) and everything else,
 * chunk by chunk. The build prints it (electron.vite.config.ts); test/unit/build/bundle-size.test.ts
 * holds the first screen to FIRST_SCREEN_JS_LIMIT. Run alone: `npx tsx scripts/bundle-report.ts`.
 */

/** The first screen's JavaScript budget, in bytes (1 MB). */
export const FIRST_SCREEN_JS_LIMIT = 1_000_000;

export interface ChunkSize {
  file: string;
  bytes: number;
}

export interface BundleReport {
  /** Loaded by index.html before anything shows, biggest first. */
  firstScreen: ChunkSize[];
  firstScreenBytes: number;
  /** Loaded when a page, an editor or a worker is first needed, biggest first. */
  later: ChunkSize[];
  totalBytes: number;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** Reads `outDir` (out/renderer) after a build made with `build.manifest: true`. */
export function bundleReport(outDir: string): BundleReport {
  const manifestPath = join(outDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build the renderer first (npm run build)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');

  // What index.html names, then everything those chunks import statically (Vite's own record of it).
  const initial = new Set(htmlScripts(html));
  const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
  const pending = [...initial];
  while (pending.length > 0) {
    const chunk = byFile.get(pending.pop() as string);
    for (const key of chunk?.imports ?? []) {
      const file = manifest[key]?.file;
      if (file && !initial.has(file)) {
        initial.add(file);
        pending.push(file);
      }
    }
  }

  const all = jsFiles(outDir, manifest);
  for (const file of initial) all.add(file);
  const sized = [...all].map((file) => ({ file, bytes: statSync(join(outDir, file)).size })).sort((a, b) => b.bytes - a.bytes);
  const firstScreen = sized.filter((c) => initial.has(c.file));
  return {
    firstScreen,
    firstScreenBytes: sum(firstScreen),
    later: sized.filter((c) => !initial.has(c.file)),
    totalBytes: sum(sized),
  };
}

/** The module scripts and modulepreloads of index.html, as paths relative to it. */
export function htmlScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = /^<script\b/.test(tag) && /\btype=["']module["']/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel=["']modulepreload["']/.test(tag);
    const url = /\b(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && url) found.push(url.replace(/^\.?\//, ''));
  }
  return found;
}

/** Every emitted JavaScript file: the chunks in the manifest and the workers (which it does not list). */
function jsFiles(outDir: string, manifest: Record<string, ManifestChunk>): Set<string> {
  const files = new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js')));
  const assetsDir = join(outDir, 'assets');
  if (existsSync(assetsDir)) {
    for (const name of readdirSync(assetsDir)) if (name.endsWith('.js')) files.add(`assets/${name}`);
  }
  return files;
}

function sum(chunks: ChunkSize[]): number {
  return chunks.reduce((total, c) => total + c.bytes, 0);
}

/** The report as the build prints it. */
export function formatBundleReport(report: BundleReport): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(8)} kB`;
  const verdict = report.firstScreenBytes <= FIRST_SCREEN_JS_LIMIT ? 'within' : 'OVER';
  const lines = [
    `Renderer JavaScript: first screen ${kb(report.firstScreenBytes).trim()} (${verdict} the ${FIRST_SCREEN_JS_LIMIT / 1_000_000} MB budget), total ${kb(report.totalBytes).trim()}`,
    '  first screen (index.html and its static imports):',
    ...report.firstScreen.map((c) => `  ${kb(c.bytes)}  ${c.file}`),
    '  on first use (pages, editors, workers):',
    ...report.later.map((c) => `  ${kb(c.bytes)}  ${c.file}`),
  ];
  return lines.join('\n');
}

// Run alone: print the report of out/renderer.
if (process.argv[1] && /bundle-report\.ts$/.test(process.argv[1])) {
  process.stdout.write(`${formatBundleReport(bundleReport(join(import.meta.dirname, '..', 'out', 'renderer')))}\n`);
}
