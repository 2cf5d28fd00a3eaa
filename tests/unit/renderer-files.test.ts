import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveRendererFile } from '../../main/rendererFiles';

const root = resolve('/srv/console/renderer');

describe('serving the built renderer', () => {
  it('maps / to index.html and asset paths to files inside the renderer folder', () => {
    expect(resolveRendererFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/index-abc.js?v=1')).toBe(join(root, 'assets/index-abc.js'));
  });

  it.each([
    '/../main/index.js',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/../../secret',
    '/%00index.html',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveRendererFile(root, path)).toBeNull();
  });

  it('names content types so the browser does not sniff', () => {
    expect(contentTypeOf('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a.geojson')).toBe('application/geo+json; charset=utf-8');
    expect(contentTypeOf('a.exe')).toBe('application/octet-stream');
  });
});
