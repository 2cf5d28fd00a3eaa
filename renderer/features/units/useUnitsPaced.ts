import { useEffect, useState } from 'react';
import type { Unit } from '../../../domain/dispatch/unit';
import { useConsoleStore } from '../../store';

/**
 * The units for a list that need not follow every position: positions at most once per `everyMs` (they arrive
 * once a second per unit, in several frames), a change of status or card at once.
 */
export function useUnitsPaced(everyMs: number): Record<string, Unit> {
  const store = useConsoleStore();
  const [units, setUnits] = useState(() => store.getState().units);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let takenAt = 0;
    const take = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      takenAt = performance.now();
      setUnits(store.getState().units);
    };
    take();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.units === previous.units) return;
      if (state.unitStatusesVersion !== previous.unitStatusesVersion) take();
      else if (timer === null) timer = setTimeout(take, Math.max(0, takenAt + everyMs - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [everyMs, store]);
  return units;
}
