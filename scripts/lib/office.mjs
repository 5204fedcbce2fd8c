// What every sample builder that prints through LibreOffice shares: XML escaping, running a tool,
// printing a flat OpenDocument file to PDF with soffice, and the flat ODS (spreadsheet) document
// around a builder's own sheets and styles (scripts/build-samples.mjs, build-budget.mjs,
// build-budget-book.mjs; the slide decks' flat ODP is ./impress.mjs). Plain Node ESM, built-ins only.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const run = (cmd, argv, opts = {}) => execFileSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'], ...opts });

/** Prints the flat OpenDocument file `source` to `pdf` (in `outDir`) with LibreOffice, a fresh profile for the run. */
export function printPdf(source, pdf, outDir, check) {
  const profile = join('/tmp', `kohyo-lo-${process.pid}`);
  rmSync(pdf, { force: true });
  mkdirSync(profile, { recursive: true });
  try {
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, source]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  check(existsSync(pdf), `soffice did not write ${pdf}`);
}

/** The namespaces of a flat ODS: Calc's own, then a builder's extra ones, then the metadata's. */
const CALC_NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  number: 'urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0',
};
const META_NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
};

/**
 * A flat ODS document: its title and generator (the script that made it), the one font it
 * declares, the extra namespaces its sheets use, and the XML lines of its styles, automatic
 * styles, master pages and sheets.
 */
export function flatOds({ title, generator, font, namespaces = {}, styles, automaticStyles, masterStyles, sheets }) {
  const ns = Object.entries({ ...CALC_NS, ...namespaces, ...META_NS }).map(([k, v]) => `xmlns:${k}="${v}"`).join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${ns} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta><dc:title>${esc(title)}</dc:title><meta:generator>kohyo ${generator}</meta:generator></office:meta>
<office:font-face-decls><style:font-face style:name="${esc(font)}" svg:font-family="'${esc(font)}'"/></office:font-face-decls>
<office:styles>
${styles.join('\n')}
</office:styles>
<office:automatic-styles>
${automaticStyles.join('\n')}
</office:automatic-styles>
<office:master-styles>${masterStyles.join('')}</office:master-styles>
<office:body><office:spreadsheet>
${sheets.join('\n')}
</office:spreadsheet></office:body></office:document>
`;
}

/** Whole numbers with thousands separators, negatives printed with △ (N0; budget books). */
export const TRIANGLE_NUMBERS = [
  '<number:number-style style:name="N0P"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>',
  '<number:number-style style:name="N0"><number:text>△</number:text><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/><style:map style:condition="value()&gt;=0" style:apply-style-name="N0P"/></number:number-style>',
];

/** The default cell style: `textProperties` is its <style:text-properties/>. */
export const defaultCellStyle = (textProperties) => `<style:style style:name="Default" style:family="table-cell">${textProperties}</style:style>`;

/** A sheet style printed on master page `master`. */
export const tableStyle = (name, master) =>
  `<style:style style:name="${name}" style:family="table" style:master-page-name="${master}"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>`;

/** A master page on page layout `layout`, with no header and no footer. */
export const masterPage = (name, layout) =>
  `<style:master-page style:name="${name}" style:page-layout-name="${layout}"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page>`;
