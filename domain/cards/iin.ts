/**
 * The individual identification number (ЖСН / ИИН): `YYMMDD` date of birth, one digit for the century and sex
 * (1–2: 1800s, 3–4: 1900s, 5–6: 2000s; odd male, even female), four serial digits and a check digit.
 * The check digit is the weighted sum of the first eleven digits modulo 11 with weights 1…11; when that gives 10,
 * a second pass with weights 3…11, 1, 2; when the second gives 10 too, no valid number ends that way.
 */
export type IinProblem = 'format' | 'centurySex' | 'date' | 'checksum';

export type IinCheck =
  { ok: true; birthDate: string; sex: 'male' | 'female' } | { ok: false; problem: IinProblem };

const FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
const CENTURY_BY_DIGIT: Record<string, number> = {
  '1': 1800,
  '2': 1800,
  '3': 1900,
  '4': 1900,
  '5': 2000,
  '6': 2000,
};

const weighted = (digits: number[], weights: number[]) =>
  weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0) % 11;

/** The check digit of the first eleven digits, or null when both passes give 10. */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const first = weighted(digits, FIRST_PASS);
  if (first !== 10) return first;
  const second = weighted(digits, SECOND_PASS);
  return second === 10 ? null : second;
}

export function checkIin(text: string): IinCheck {
  if (!/^[0-9]{12}$/.test(text)) return { ok: false, problem: 'format' };
  const centuryDigit = text.charAt(6);
  const century = CENTURY_BY_DIGIT[centuryDigit];
  if (century === undefined) return { ok: false, problem: 'centurySex' };
  const year = century + Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const day = Number(text.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { ok: false, problem: 'date' };
  if (iinCheckDigit(text.slice(0, 11)) !== Number(text.charAt(11))) return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    birthDate: `${String(year)}-${text.slice(2, 4)}-${text.slice(4, 6)}`,
    sex: Number(centuryDigit) % 2 === 1 ? 'male' : 'female',
  };
}

export const isValidIin = (text: string): boolean => checkIin(text).ok;
