/**
 * Corrections a reader gives for some pages only (`kohyo tables --area 3:… --columns
 * 2-4:…`): which areas and column edges hold on a page. Kept apart from find.ts so the
 * CLI checks them before any file is read without loading the table readers.
 */
import type { Box } from "../model/page.js";
import type { FindOptions } from "./find.js";

/** An area or column edges for the pages in `pages` (ranges, `to` Infinity for "to the end"). */
export interface PageCorrection {
  pages: readonly (readonly [from: number, to: number])[];
  area?: Box;
  columns?: readonly number[];
}

/** The areas and column edges that hold on one page (see FindOptions.byPage). */
export function correctionsOn(options: FindOptions, page: number): { areas: Box[]; columns: (readonly number[])[] } {
  const named = (options.byPage ?? []).filter((c) => c.pages.some(([from, to]) => page >= from && page <= to));
  const areas = named.flatMap((c) => (c.area ? [c.area] : []));
  const columns = named.flatMap((c) => (c.columns ? [c.columns] : []));
  const every = options.area === undefined ? [] : "x0" in options.area ? [options.area as Box] : [...(options.area as readonly Box[])];
  return { areas: areas.length ? areas : every, columns: columns.length ? columns : options.columns?.length ? [options.columns] : [] };
}
