import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One benchmark's verdict: its measured value, the reference measured in the same run, and the target. */
export interface BenchResult {
  name: string;
  metric: string;
  unit: string;
  value: number;
  reference: number;
  /** value / reference. */
  ratio: number;
  /** The target in words a reader can check, e.g. "ratio <= 1.5". */
  target: string;
  pass: boolean;
  /** Anything else worth printing (p99, counts); kept flat so the line stays one JSON object. */
  extra?: Record<string, number | string | boolean>;
}

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');

/** Prints exactly one JSON line and writes it to bench/results/NAME.json. */
export function reportBench(result: BenchResult): void {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const line = JSON.stringify({
    name: result.name,
    metric: result.metric,
    unit: result.unit,
    value: round(result.value),
    reference: round(result.reference),
    ratio: round(result.ratio),
    target: result.target,
    pass: result.pass,
    ...result.extra,
  });
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${result.name}.json`), `${line}\n`);
  process.stdout.write(`${line}\n`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
