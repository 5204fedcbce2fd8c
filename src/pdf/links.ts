/**
 * Link annotations: where a page links to a web address. Guidebooks and slides print a
 * programme's address rarely; they link it from its title or from words such as
 * 「こちら」 or 「パンフレット」, so the address is only in the annotation.
 */
import { round2 } from "./geometry.js";
import type { Box, Link } from "../model/page.js";

/** The part of a pdf.js annotation this reads (pdf.js puts the URI action in `url`). */
interface Annotation {
  subtype?: string;
  url?: string;
  unsafeUrl?: string;
  rect?: number[];
}

/**
 * The URI links of a page, with their boxes turned to page coordinates by `toView` (the
 * viewport's convertToViewportRectangle: rotation and MediaBox offset applied). Links to
 * places inside the document and other annotations are left out.
 */
export function linksFromAnnotations(annotations: readonly unknown[], toView: (rect: number[]) => number[]): Link[] {
  const links: Link[] = [];
  for (const a of annotations as Annotation[]) {
    const url = a?.url ?? a?.unsafeUrl;
    if (a?.subtype !== "Link" || typeof url !== "string" || !/^(https?|mailto):/i.test(url) || a.rect?.length !== 4) continue;
    const [x0, y0, x1, y1] = toView(a.rect);
    const box: Box = { x0: Math.min(x0!, x1!), y0: Math.min(y0!, y1!), x1: Math.max(x0!, x1!), y1: Math.max(y0!, y1!) };
    links.push({ url, box: { x0: round2(box.x0), y0: round2(box.y0), x1: round2(box.x1), y1: round2(box.y1) } });
  }
  return links;
}
