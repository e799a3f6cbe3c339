import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtRendererDir } from '../../../electron/cli/built-renderer-dir';

describe('the built renderer dir, from where the CLI code was bundled', () => {
  it('is out/renderer from an entry in out/main and from a shared chunk in out/main/chunks', () => {
    const out = join('/opt', 'hookdesk', 'out');
    expect(builtRendererDir(pathToFileURL(join(out, 'main', 'serve.js')).href)).toBe(join(out, 'renderer'));
    expect(builtRendererDir(pathToFileURL(join(out, 'main', 'chunks', 'serve-command-abc.js')).href)).toBe(join(out, 'renderer'));
  });
});
