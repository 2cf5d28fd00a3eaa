import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, createFileLogger } from '../../main/log';
import { redact } from '../../main/logRedaction';
import { tempDir } from '../support/tempDir';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIwMTkzIiwicm9sZSI6Im9wZXJhdG9yIn0.c2lnbmF0dXJlLWJ5dGVz';

describe('redact(), the one filter between the console and its logs', () => {
  it.each([
    ['an IIN', 'lookup failed for 900101300123 today', '900101300123'],
    ['a phone with +7', 'callback +7 701 234 56 78 failed', '701 234 56 78'],
    ['a phone with 8 and brackets', 'call 8 (727) 123-45-67 now', '123-45-67'],
    ['a phone written together', 'number 87011234567', '87011234567'],
    ['an applicant name field', '{"applicant":{"name":"Айгерім Сейітқызы","iin":"900101300123"}}', 'Айгерім'],
    ['a citizen text', '{"text":"Мені ұрып жатыр, көмектесіңіз","cardId":"x"}', 'ұрып'],
    ['a card description', '{"description":"Сосед шумит\\" и ругается"}', 'Сосед'],
    ['a JWT', `token rejected: ${JWT}`, 'eyJhbGciOiJFZERTQSJ9'],
    ['a bearer header', 'Authorization: Bearer abcdefghijklmnop', 'abcdefghijklmnop'],
    ['a secret field', '{"refreshToken":"r-123456789","password":"hunter22"}', 'hunter22'],
    ['a secret in text', 'connect failed password=hunter22 user=x', 'hunter22'],
    ['host mode’s URL secret', 'ready: http://127.0.0.1:8103/#secret=Zk9x3', 'Zk9x3'],
  ])('removes %s', (_what, line, secret) => {
    const cleaned = redact(line);
    expect(cleaned).not.toContain(secret);
    expect(cleaned.length).toBeGreaterThan(0);
  });

  it.each([
    ['a card id', 'card.saved {"cardId":"0193a0b4-7d1e-7c3a-9a55-123456789012"}'],
    ['counts and codes', 'sync.pushed {"count":12,"code":"rejected","ms":250}'],
    ['a register number', 'card.registered {"number":"102-2026-000123"}'],
    ['a version and a port', 'services.started {"version":"0.1.0","port":8103}'],
  ])('keeps %s, which IT needs', (_what, line) => {
    expect(redact(line)).toBe(line);
  });

  const temp = tempDir('log-');
  afterAll(() => temp.remove());

  it('is applied to every line the logger writes, whatever a caller passes', () => {
    const log = createFileLogger(temp.dir, { console: false });
    log.warn('sync.failed for 900101300123', { detail: `Bearer ${JWT}`, phone: '+77012345678', count: 3 });
    const written = readFileSync(join(temp.dir, LOG_FILE_NAME), 'utf8');
    expect(written).toContain('sync.failed');
    expect(written).toContain('"count":3');
    for (const secret of ['900101300123', JWT, '7012345678']) expect(written).not.toContain(secret);
  });
});

/** Lines in main/ that write to the terminal directly, without a comment saying it is a command line's output. */
function directConsoleCalls(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/\bconsole\.(log|info|warn|error|debug|trace)\s*\(/.test(line)) return;
      const justified = /CLI output/.test(line) || /CLI output/.test(lines[i - 1] ?? '');
      if (!justified) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

describe('main/ logs through the redacting logger only', () => {
  it('has no direct console.* call except a command line’s own output, marked so', () => {
    expect(directConsoleCalls(resolve(__dirname, '../../main'))).toEqual([]);
  });
});
