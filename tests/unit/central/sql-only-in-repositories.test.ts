import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const centralDir = fileURLToPath(new URL('../../../central', import.meta.url));

/**
 * Where central may speak SQL: repositories (`*Repository.ts`), migrations, and the database layer
 * itself (`db/`: connections, the migration runner, savepoints). Everything else asks a repository.
 */
const mayHoldSql = (path: string) =>
  path.endsWith('Repository.ts') || path.startsWith('db/') || path.endsWith('.sql');

/** A query or a statement run on a connection, or an SQL statement written in a string. */
const SQL_PATTERNS = [
  /\.(query|exec)\s*(<[^>]*>)?\s*\(\s*[`'"]/,
  /\.query\s*</,
  /[`'"]\s*(select|insert\s+into|update\s+\w+\s+set|delete\s+from|with\s+recursive|create\s+table)\b/i,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function sqlOutsideRepositories(files: readonly { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) =>
    mayHoldSql(path)
      ? []
      : text
          .split('\n')
          .flatMap((line, i) =>
            SQL_PATTERNS.some((p) => p.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : [],
          ),
  );
}

describe('central speaks SQL only in repositories and migrations (issue 10, item 2)', () => {
  it('no SQL outside them', () => {
    const files = sourceFiles(centralDir).map((file) => ({
      path: relative(centralDir, file).split('\\').join('/'),
      text: readFileSync(file, 'utf8'),
    }));
    expect(sqlOutsideRepositories(files)).toEqual([]);
  });

  it('finds a query, a statement in a string and an exec elsewhere', () => {
    const found = sqlOutsideRepositories([
      { path: 'sync/operations.ts', text: "await tx.query<{ id: string }>('select 1')" },
      { path: 'sync/other.ts', text: 'const q = `update appeals set status = $2`;' },
      { path: 'sync/third.ts', text: "await tx.exec('delete from cards')" },
      { path: 'cards/cardRepository.ts', text: "await tx.query('select * from cards')" },
      { path: 'session/loginThrottle.ts', text: 'const mapped = /^::ffff:$/i.exec(ip);' },
    ]);
    expect(found.map((f) => f.split(':')[0])).toEqual([
      'sync/operations.ts',
      'sync/other.ts',
      'sync/third.ts',
    ]);
  });
});
