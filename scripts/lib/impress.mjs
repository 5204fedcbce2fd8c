// What the slide-deck sample builders share (scripts/build-guidebook.mjs, scripts/build-case-sheets.mjs):
// a list of failed checks that stops the build, the flat ODP document and its paragraph and frame styles, and the check that every word
// pdftotext finds lies in the frame the layout put it in and that each frame prints exactly its text.
// Escaping, running a tool and printing with LibreOffice are ./office.mjs's, re-exported here.
// Plain Node ESM, built-ins only.

import { esc, printPdf, run } from './office.mjs';

export { esc, printPdf, run };

export const PT_PER_CM = 72 / 2.54;
export const squeeze = (s) => String(s).replace(/[\s\u3000]+/g, '');
const multiset = (s) => [...squeeze(s)].sort().join('');

/** Failed checks, collected; `bail(stage)` prints them and exits 1 if there are any. */
export function checks(name) {
  const failures = [];
  const check = (ok, message) => {
    if (!ok) failures.push(message);
    return ok;
  };
  const bail = (stage) => {
    if (failures.length === 0) return;
    console.error(`\n${name}: ${failures.length} check(s) failed during ${stage}:`);
    for (const f of failures.slice(0, 60)) console.error(`  ✗ ${f}`);
    if (failures.length > 60) console.error(`  … and ${failures.length - 60} more`);
    process.exit(1);
  };
  return { check, bail };
}

/**
 * Every word pdftotext finds on each page lies in a frame ({ kind, x, y, w, h } in cm) — the innermost
 * when `innermost`, else the first that holds it — and each frame prints exactly `frameText(frame)`.
 */
export function checkFrames(pdf, pages, frameText, check, { innermost = false } = {}) {
  pages.forEach((frames, i) => {
    const page = i + 1;
    const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-']);
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      cx: (+m[1] + +m[3]) / 2 / PT_PER_CM, cy: (+m[2] + +m[4]) / 2 / PT_PER_CM, y0: +m[2] / PT_PER_CM, y1: +m[4] / PT_PER_CM,
      text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
    }));
    const got = frames.map(() => []);
    const holds = (f, w) => w.cx > f.x - 0.05 && w.cx < f.x + f.w + 0.05 && w.cy > f.y - 0.05 && w.cy < f.y + f.h + 0.05;
    for (const w of words) {
      let k = -1;
      frames.forEach((f, j) => {
        if (holds(f, w) && (k < 0 || (innermost && f.w * f.h < frames[k].w * frames[k].h))) k = j;
      });
      if (k < 0) check(false, `p${page}: "${w.text}" at (${w.cx.toFixed(2)}, ${w.cy.toFixed(2)}) cm lies outside every frame (overflow?)`);
      else got[k].push(w);
    }
    frames.forEach((f, k) => {
      const printed = got[k].map((w) => w.text).join('');
      check(multiset(frameText(f)) === multiset(printed), `p${page} ${f.kind} at y=${f.y.toFixed(2)}: prints "${squeeze(printed).slice(0, 50)}", expected "${squeeze(frameText(f)).slice(0, 50)}"`);
      for (const w of got[k]) check(w.y0 >= f.y - 0.08 && w.y1 <= f.y + f.h + 0.08, `p${page} ${f.kind}: "${w.text.slice(0, 20)}" crosses the frame's edge`);
    });
  });
}

/**
 * A paragraph style's XML: aligned `align`, `after` cm of space after it, `size` pt in `font`,
 * `color`, bold or not; `autospace` (when given) sets style:text-autospace (ideograph-alpha or none).
 */
export function paragraphStyleXml(name, font, { size, bold, color, align, after, autospace }) {
  const spacing = autospace === undefined ? '' : ` style:text-autospace="${autospace ? 'ideograph-alpha' : 'none'}"`;
  return (
    `<style:style style:name="${name}" style:family="paragraph"><style:paragraph-properties fo:text-align="${align}" fo:margin-top="0cm" fo:margin-bottom="${after}cm" fo:line-height="100%"${spacing}/>` +
    `<style:text-properties style:font-name="${font}" style:font-name-asian="${font}" fo:font-size="${size}pt" style:font-size-asian="${size}pt" fo:color="${color}"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/></style:style>`
  );
}

/** A frame's graphic style XML: fill and stroke colours (or 'none'), the text's vertical alignment, padding in cm (the top's apart). */
export function graphicStyleXml(name, { fill, stroke, valign, pad, padTop = pad }) {
  return (
    `<style:style style:name="${name}" style:family="graphic"><style:graphic-properties draw:stroke="${stroke === 'none' ? 'none' : 'solid'}"${stroke === 'none' ? '' : ` svg:stroke-color="${stroke}" svg:stroke-width="0.03cm"`}` +
    ` draw:fill="${fill === 'none' ? 'none' : 'solid'}"${fill === 'none' ? '' : ` draw:fill-color="${fill}"`} draw:auto-grow-height="false" draw:auto-grow-width="false"` +
    ` fo:padding-top="${padTop}cm" fo:padding-bottom="${pad}cm" fo:padding-left="${pad}cm" fo:padding-right="${pad}cm" draw:textarea-vertical-align="${valign}" fo:wrap-option="wrap"/></style:style>`
  );
}

/** A flat ODP document: one `<draw:page>` per entry of `pages` (their frames' XML), A-size landscape pages. */
export function flatOdp({ title, generator, font, fontSize, widthCm, heightCm, styles, pages }) {
  const body = pages.map((frames, i) => `<draw:page draw:name="page${i + 1}" draw:master-page-name="Default" draw:style-name="dp1">${frames.join('\n')}</draw:page>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:meta><dc:title>${esc(title)}</dc:title><meta:generator>kohyo ${generator}</meta:generator></office:meta>
<office:font-face-decls><style:font-face style:name="${font}" svg:font-family="'${font}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="graphic"><style:paragraph-properties style:writing-mode="lr-tb"/><style:text-properties style:font-name="${font}" style:font-name-asian="${font}" fo:font-size="${fontSize}pt" style:font-size-asian="${fontSize}pt" fo:language="ja" fo:country="JP" style:language-asian="ja" style:country-asian="JP"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="${widthCm}cm" fo:page-height="${heightCm}cm" style:print-orientation="landscape"/></style:page-layout>
<style:style style:family="drawing-page" style:name="dp1"><style:drawing-page-properties presentation:background-visible="true" draw:fill="none"/></style:style>
${[...styles].join('\n')}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1" draw:style-name="dp1"/></office:master-styles>
<office:body><office:presentation>
${body}
</office:presentation></office:body></office:document>
`;
}
