/**
 * Helpers for arrays whose length the input decides (glyphs, runs, cells of a page):
 * `Math.min(...xs)` and `out.push(...xs)` pass every element as an argument, which throws
 * a RangeError ("Maximum call stack size exceeded") past ~100,000 elements. These loop.
 */

/** The least of the numbers (Infinity when there are none, NaN when one is NaN), as Math.min. */
export function minOf(xs: Iterable<number>): number {
  let m = Infinity;
  for (const x of xs) {
    if (Number.isNaN(x)) return NaN;
    if (x < m) m = x;
  }
  return m;
}

/** The greatest of the numbers (-Infinity when there are none, NaN when one is NaN), as Math.max. */
export function maxOf(xs: Iterable<number>): number {
  let m = -Infinity;
  for (const x of xs) {
    if (Number.isNaN(x)) return NaN;
    if (x > m) m = x;
  }
  return m;
}

/** Appends the items to `out`, as `out.push(...items)` does, without passing each as an argument. */
export function pushAll<T>(out: T[], items: Iterable<T>): void {
  for (const x of items) out.push(x);
}
