/** What one benchmark reports: rows of figures, each against a baseline measured in the same run. */
export type Status = 'PASS' | 'MISS' | 'info' | 'not implemented yet' | 'failed';

export interface Row {
  benchmark: string;
  metric: string;
  value: number | null;
  unit: string;
  /** the bare baseline measured in the same run, in the same unit */
  baseline: number | null;
  /** value ÷ baseline: what runs are compared by, since the machine is noisy */
  ratio: number | null;
  goal: string;
  status: Status;
  note?: string;
}

export interface Result {
  name: string;
  rows: Row[];
  /** how it was measured: counts, payload sizes, anything needed to read the figures */
  details: Record<string, unknown>;
}

export const ratioOf = (value: number | null, baseline: number | null): number | null =>
  value !== null && baseline !== null && baseline > 0 ? value / baseline : null;

/** PASS when every check holds, MISS otherwise. */
export const verdict = (...checks: boolean[]): Status => (checks.every(Boolean) ? 'PASS' : 'MISS');

export const round = (value: number, digits = 1): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
