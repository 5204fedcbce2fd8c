import { basename, extname } from "node:path";

/** Where a command writes; tests pass their own. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const processIO: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** The output folder name for an input file: its name without `.pdf`. */
export function outputName(file: string): string {
  const base = basename(file);
  return extname(base).toLowerCase() === ".pdf" ? base.slice(0, -4) : base;
}
