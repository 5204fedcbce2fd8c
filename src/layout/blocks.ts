/**
 * Lines → blocks, and blocks in reading order. A block is what a slide or a form draws as
 * one text box: lines one under another, overlapping horizontally, with no more than a
 * paragraph's spacing between them. Reading order follows columns: a block is read after
 * every block above it that it overlaps horizontally, so a left column is read to its end
 * before the right one even when their boxes interleave in height.
 */
import type { Box } from "../model/page.js";
import type { Line } from "./lines.js";

export interface Block {
  lines: Line[];
  box: Box;
}

/** Two lines further apart than this many ems (of the larger size) are in different blocks. */
export const BLOCK_GAP_EM = 0.9;

const overlapX = (a: Box, b: Box) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

export function groupBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  for (const line of [...lines].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0)) {
    // The block whose last line sits just above this one and overlaps it horizontally.
    const home = blocks.find((b) => {
      const last = b.lines[b.lines.length - 1]!;
      const gap = line.box.y0 - last.box.y1;
      return overlapX(last.box, line.box) && gap > -0.5 * line.size && gap <= BLOCK_GAP_EM * Math.max(line.size, last.size);
    });
    if (home) {
      home.lines.push(line);
      home.box = union(home.box, line.box);
    } else blocks.push({ lines: [line], box: { ...line.box } });
  }
  return blocks;
}

/**
 * Items (blocks, tables …) in reading order: an item waits for every item above it that it
 * overlaps horizontally; of the items free to go, the leftmost goes first (then the topmost).
 */
export function readingOrder<T extends { box: Box }>(items: readonly T[]): T[] {
  const rest = [...items];
  const out: T[] = [];
  const above = (a: T, b: T) => a !== b && overlapX(a.box, b.box) && a.box.y0 < b.box.y0;
  while (rest.length > 0) {
    const free = rest.filter((b) => !rest.some((a) => above(a, b)));
    // Overlapping boxes can wait for each other; then the topmost goes.
    const pool = free.length > 0 ? free : rest;
    pool.sort((a, b) => a.box.x0 - b.box.x0 || a.box.y0 - b.box.y0);
    const next = free.length > 0 ? pool[0]! : pool.reduce((a, b) => (b.box.y0 < a.box.y0 ? b : a));
    out.push(next);
    rest.splice(rest.indexOf(next), 1);
  }
  return out;
}

export function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
