import { describe, expect, it } from 'vitest';
import { listKeyTarget, rowsPerPage } from '../../../renderer/shell/listKeyTarget';

describe('the keys of a keyboard-driven list (the inbox, the board)', () => {
  it.each([
    ['ArrowDown', 3, 4],
    ['ArrowUp', 3, 2],
    ['PageDown', 3, 13],
    ['PageUp', 13, 3],
    ['Home', 42, 0],
    ['End', 0, 99],
  ])('%s from row %i goes to row %i of 100, ten rows a page', (key, from, to) => {
    expect(listKeyTarget(key, from, 100, 10)).toBe(to);
  });

  it.each([
    ['ArrowDown', 99, 99],
    ['PageDown', 95, 99],
    ['ArrowUp', 0, 0],
    ['PageUp', 4, 0],
  ])('%s from row %i stays inside the list, at row %i', (key, from, to) => {
    expect(listKeyTarget(key, from, 100, 10)).toBe(to);
  });

  it('leaves every other key to the caller, and an empty list alone', () => {
    for (const key of ['Enter', 'a', 'Tab', 'ArrowLeft', ' '])
      expect(listKeyTarget(key, 3, 100, 10)).toBeNull();
    expect(listKeyTarget('ArrowDown', 0, 0, 10)).toBeNull();
    expect(listKeyTarget('End', 0, 0, 10)).toBeNull();
  });

  it('moves at least one row a page, even in a list shorter than a row', () => {
    expect(listKeyTarget('PageDown', 0, 100, 0)).toBe(1);
    expect(rowsPerPage(30, 76)).toBe(1);
    expect(rowsPerPage(760, 76)).toBe(10);
    expect(rowsPerPage(undefined, 64)).toBe(1);
  });
});
