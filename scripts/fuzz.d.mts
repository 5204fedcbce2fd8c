/** Types of ./fuzz.mjs for the tests. */
export interface FuzzSummary {
  count: number;
  /** Inputs before this index were made but not run (--from). */
  from: number;
  seed: number;
  byCode: Record<string, number>;
  byMutation: Record<string, number>;
  failures: { index: number; from: string; mutation: string; command: string; code: number | null; problems: string[]; stderr: string }[];
  maxSeconds: number;
  maxCpuSeconds: number;
  done: number;
  maxRssMb: number;
}
export interface Random { next(): number; int(n: number): number; pick<T>(xs: T[]): T }
export function rng(seed: number): Random;
export const MUTATIONS: Record<string, (bytes: Uint8Array, random: Random, tmp?: string) => Uint8Array>;
export function fuzz(opts: { count?: number; seed?: number; from?: number; jobs?: number; corpus?: string; keep?: string; log?: (...a: unknown[]) => void; progress?: (summary: FuzzSummary) => void }): Promise<FuzzSummary>;
export function inputs(opts: { count: number; seed: number; corpus?: string; tmp: string; seeds?: string[] }): Generator<{ index: number; from: string; mutation: string; command: string; bytes: Uint8Array }>;
