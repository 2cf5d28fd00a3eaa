import { useEffect, useState } from 'react';

/** The current time, renewed every second while `active`: for waiting times and the call's timer. */
export function useNow(active: boolean, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!active) return;
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), 1000);
    return () => clearInterval(timer);
  }, [active, clock]);
  return now;
}
