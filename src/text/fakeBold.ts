/**
 * Fake bold: some producers draw a string twice (or more) a fraction of a point apart
 * instead of using a bold font. The copies are dropped, keeping the first.
 */
import type { TextRun } from "../model/page.js";

/** How far (points) a copy may sit from the original and still be the same glyphs. */
export const FAKE_BOLD_OFFSET = 1.5;

export function dropFakeBoldCopies(runs: readonly TextRun[]): TextRun[] {
  const byText = new Map<string, TextRun[]>();
  const out: TextRun[] = [];
  for (const run of runs) {
    const key = `${run.text}\u0000${run.vertical ? "v" : "h"}`;
    const seen = byText.get(key);
    const tol = Math.min(FAKE_BOLD_OFFSET, run.size * 0.25);
    const isCopy = seen?.some(
      (o) =>
        Math.abs(o.size - run.size) <= 0.5 &&
        Math.abs(o.box.x0 - run.box.x0) <= tol &&
        Math.abs(o.box.y0 - run.box.y0) <= tol &&
        Math.abs(o.box.x1 - run.box.x1) <= tol &&
        Math.abs(o.box.y1 - run.box.y1) <= tol,
    );
    if (isCopy) continue;
    if (seen) seen.push(run);
    else byText.set(key, [run]);
    out.push(run);
  }
  return out;
}
