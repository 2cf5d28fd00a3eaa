import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrameAncestors } from '../../../central/http/securityHeaders';
import { startTestCentral, type TestCentral } from '../../support/central/central';

let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral({ pglite: true, widgetFrameAncestors: ['https://police.example.kz'] });
});
afterAll(() => t.close());

const headersOf = async (path: string, init: RequestInit = {}) => (await fetch(`${t.url}${path}`, init)).headers;

describe('central answers with headers a browser must obey', () => {
  it('the widget may run its own files only, and only the named portal may frame it', async () => {
    const headers = await headersOf('/widget/');
    const policy = headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain('frame-ancestors https://police.example.kz');
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('permissions-policy')).toContain('camera=(self)');
    // The widget's own script file is served under the same policy.
    expect((await headersOf('/widget/widget.js')).get('content-security-policy')).toBe(policy);
  });

  it.each([
    ['an answer', '/health'],
    ['a refusal', '/api/cards'],
    ['an unknown route', '/nowhere'],
  ])('%s of the API is data: nothing in it may run, and no cache keeps it', async (_what, path) => {
    const headers = await headersOf(path);
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('a route that revalidates by ETag keeps its own caching', async () => {
    const token = await t.token('operator');
    const headers = await headersOf('/api/departments', { headers: { authorization: `Bearer ${token}` } });
    expect(headers.get('etag')).toBeTruthy();
    expect(headers.get('cache-control')).toBe('private, no-cache');
  });
});

describe("IT's list of origins that may embed the widget", () => {
  it('takes bare origins, comma- or space-separated', () => {
    expect(parseFrameAncestors('https://police.example.kz, https://egov.example.kz:8443')).toEqual([
      'https://police.example.kz',
      'https://egov.example.kz:8443',
    ]);
    expect(parseFrameAncestors('')).toEqual([]);
  });

  it.each([
    ['a second directive smuggled in', "https://a.kz; script-src 'unsafe-inline'"],
    ['a keyword', "'unsafe-inline'"],
    ['a path', 'https://a.kz/widget'],
    ['a script URL', 'javascript:alert(1)'],
    ['a wildcard', '*'],
  ])('refuses %s', (_what, text) => {
    expect(() => parseFrameAncestors(text)).toThrow(/not an origin/);
  });
});
