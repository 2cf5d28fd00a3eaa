import { describe, expect, it } from 'vitest';
import { checkIin } from '../../domain/cards/iin';

describe('the IIN (ЖСН / ИИН): checksum in two passes, century and sex digit, date of birth', () => {
  it.each([
    ['first pass, man born in 1985', '850715300122', '1985-07-15', 'male'],
    ['first pass, woman born in 1995', '951231400230', '1995-12-31', 'female'],
    ['woman born on 29 February 2000', '000229600341', '2000-02-29', 'female'],
    ['man born in 2001', '010101500112', '2001-01-01', 'male'],
    ['second pass (first gives 10), check digit 1', '850715300411', '1985-07-15', 'male'],
    ['second pass (first gives 10), check digit 3', '850715300423', '1985-07-15', 'male'],
    ['born in the 1800s', '991231200017', '1899-12-31', 'female'],
  ])('takes %s: %s', (_, iin, birthDate, sex) => {
    expect(checkIin(iin)).toEqual({ ok: true, birthDate, sex });
  });

  it.each([
    ['11 digits', '85071530012', 'format'],
    ['13 digits', '8507153001222', 'format'],
    ['a letter', '85071530012a', 'format'],
    ['spaces around', ' 850715300122', 'format'],
    ['empty', '', 'format'],
    ['century digit 0', '850715000122', 'centurySex'],
    ['century digit 7', '850715700122', 'centurySex'],
    ['month 13', '851315300122', 'date'],
    ['day 00', '850700300122', 'date'],
    ['31 April', '850431300122', 'date'],
    ['29 February 1900 (not a leap year)', '000229300122', 'date'],
    ['wrong check digit', '850715300123', 'checksum'],
    ['year digits swapped (a valid date)', '580715300122', 'checksum'],
    ['serial digits swapped', '850715300212', 'checksum'],
    ['first pass 10, second pass wrong digit', '850715300410', 'checksum'],
    ['both passes give 10: no digit is right', '850715300400', 'checksum'],
    ['both passes give 10, last digit 0 is no escape', '850715301210', 'checksum'],
  ])('refuses %s: %s (%s)', (_, iin, problem) => {
    expect(checkIin(iin)).toEqual({ ok: false, problem });
  });
});
