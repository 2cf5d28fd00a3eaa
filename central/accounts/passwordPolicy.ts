import { type Refusal, refusal } from '../../domain/contract/refusal';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpProblem } from '../http/problem';

/**
 * What a staff password must be wherever one is set (an admin creating an account or resetting its
 * password): long, not on the list guessing tools try first, not built from the login. The demo's
 * accounts (password = login) are seeded past these rules on purpose, for `--demo` only.
 */
export const PASSWORD_RULES = { minLength: 12, maxLength: 256, minDistinctCharacters: 5 } as const;

export type PasswordWeakness = 'tooShort' | 'tooLong' | 'repetitive' | 'containsLogin' | 'common';

const DETAILS: Record<PasswordWeakness, string> = {
  tooShort: `a password has at least ${PASSWORD_RULES.minLength} characters`,
  tooLong: `a password has at most ${PASSWORD_RULES.maxLength} characters`,
  repetitive: `a password uses at least ${PASSWORD_RULES.minDistinctCharacters} different characters`,
  containsLogin: 'a password must not contain the login or a part of it',
  common: 'this password, or the word it is built on, is among the first ones guessing tools try',
};

const COMMON = new Set(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'commonPasswords.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

/** The substitutions people make to dress up a word (p@ssw0rd). */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** The word under the dressing: lower case, without the digits and symbols around it ("Password2024!"). */
function cores(lower: string): string[] {
  const trimmed = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const unleet = [...trimmed].map((c) => LEET[c] ?? c).join('');
  // A word said twice or more ("almatyalmaty") is still that word.
  const repeated = (s: string) => /^(.+?)\1+$/u.exec(s)?.[1];
  return [lower, trimmed, unleet, repeated(trimmed), repeated(unleet)].filter(
    (s): s is string => s !== undefined && s !== '',
  );
}

/** Why `password` is too weak for the account `login`, or null when it may be set. */
export function passwordWeakness(password: string, login: string): PasswordWeakness | null {
  const characters = [...password];
  if (characters.length < PASSWORD_RULES.minLength) return 'tooShort';
  if (characters.length > PASSWORD_RULES.maxLength) return 'tooLong';
  if (new Set(characters).size < PASSWORD_RULES.minDistinctCharacters) return 'repetitive';
  const lower = password.toLowerCase();
  const loginParts = [login, ...login.split(/[^\p{L}]+/u)]
    .map((p) => p.toLowerCase())
    .filter((p) => p.length >= 4);
  if (loginParts.some((p) => lower.includes(p))) return 'containsLogin';
  if (cores(lower).some((c) => COMMON.has(c))) return 'common';
  return null;
}

const refusalOf = (weakness: PasswordWeakness): Refusal => {
  switch (weakness) {
    case 'tooShort':
      return refusal('password.tooShort', { min: PASSWORD_RULES.minLength });
    case 'tooLong':
      return refusal('password.tooLong', { max: PASSWORD_RULES.maxLength });
    case 'repetitive':
      return refusal('password.repetitive');
    case 'containsLogin':
      return refusal('password.containsLogin');
    case 'common':
      return refusal('password.common');
  }
};

/** Throws a 400 `password.<weakness>` naming the rule, for the account administration routes. */
export function checkPassword(password: string, login: string): void {
  const weakness = passwordWeakness(password, login);
  if (weakness)
    throw new HttpProblem(400, refusalOf(weakness), DETAILS[weakness], [
      { path: 'password', message: DETAILS[weakness] },
    ]);
}
