/** Parses a page selection such as "3", "1-3,5" or "2-" against a page count. */
export function parsePageSpec(spec: string, pageCount: number): number[] | string {
  const pages = new Set<number>();
  for (const part of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)?\s*(-)?\s*(\d+)?$/.exec(part);
    if (!m || (!m[1] && !m[3])) return `bad page selection "${part}" (use e.g. 3, 1-3,5 or 2-)`;
    const from = m[1] ? Number(m[1]) : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : pageCount) : from;
    if (from < 1 || to < from) return `bad page range "${part}"`;
    if (from > pageCount) return `page ${from} does not exist (the file has ${pageCount})`;
    for (let p = from; p <= Math.min(to, pageCount); p++) pages.add(p);
  }
  if (pages.size === 0) return "empty page selection";
  return [...pages].sort((a, b) => a - b);
}
