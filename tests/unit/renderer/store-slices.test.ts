import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import { createConsoleStore, joinSlices } from '../../../renderer/store';
import { stubEmptyLocalStorage } from './renderInConsole';

describe("the console's store is its feature slices side by side", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refuses two slices that define the same name, instead of one silently hiding the other', () => {
    const units = { loadUnits: () => 'units' };
    const admin = { loadUnits: () => 'admin', admin: true };
    expect(() => joinSlices([units, admin])).toThrow(/both define "loadUnits"/);
    expect(joinSlices<{ a: number; b: number }>([{ a: 1 }, { b: 2 }])).toEqual({ a: 1, b: 2 });
  });

  it("builds from today's slices with no name defined twice", () => {
    stubEmptyLocalStorage();
    const state = createConsoleStore({} as ConsoleBridge).getState();
    expect(typeof state.loadInbox).toBe('function');
    expect(typeof state.loadCardRecordings).toBe('function');
  });
});
