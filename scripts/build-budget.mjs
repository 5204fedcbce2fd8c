#!/usr/bin/env node
// Builds samples/budget-r6.pdf (and .fods, .truth.json): the 歳出 of a fictional village's
// 令和6年度 一般会計予算, amounts in 千円, printed from a spreadsheet by LibreOffice as budget
// books are. One page per way budget books show the 款 → 項 → 目 hierarchy:
//
//   p1  第1表 歳入歳出予算 (款 | 項 | 金額): the level is the column the name is in
//   p2  歳出予算事項別明細: 第1款 / 第1項 / 第1目, indented as well
//   p3  numbering only: 1 / （１） / ①
//   p4  indentation only (Calc's cell indent); 議会費 and 予備費 have a 項 without 目
//
// Every parent prints the sum of its children, 歳出合計 the sum of the 款, 比較 = 本年度 − 前年度
// (△ for less). The truth lists each page's rows with their depth and printed values.
// Needs soffice (libreoffice-calc-nogui), poppler-utils and fonts-ipaexfont; the outputs are
// committed, so the tests need none of it. Run: node scripts/build-budget.mjs

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCellStyle, esc, flatOds, masterPage, printPdf, run, tableStyle, TRIANGLE_NUMBERS } from './lib/office.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'samples');
const NAME = 'budget-r6';
const FONT = 'IPAexGothic';

// 款 → 項 → 目 with 本年度 / 前年度 (千円) on the 目.
const BUDGET = [
  ['議会費', [['議会費', [['議会費', 62418, 61950]]]]],
  ['総務費', [
    ['総務管理費', [['一般管理費', 285230, 279884], ['文書広報費', 9812, 10204], ['企画費', 74560, 52310]]],
    ['徴税費', [['税務総務費', 48905, 47720], ['賦課徴収費', 15330, 16012]]],
    ['戸籍住民基本台帳費', [['戸籍住民基本台帳費', 22148, 21906]]],
  ]],
  ['民生費', [
    ['社会福祉費', [['社会福祉総務費', 318452, 305118], ['老人福祉費', 201774, 198230]]],
    ['児童福祉費', [['児童福祉総務費', 96420, 88615], ['保育所費', 187305, 190442]]],
  ]],
  ['公債費', [['公債費', [['元金', 256000, 249500], ['利子', 8732, 9941]]]]],
  ['予備費', [['予備費', [['予備費', 10000, 10000]]]]],
];

const fmt = (n) => (n < 0 ? '△' : '') + Math.abs(n).toLocaleString('en-US');
const sum = (nodes, i) => nodes.reduce((s, n) => s + n.values[i], 0);
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const FULL = (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The tree with sums: { name, no, depth, values: [本年度, 前年度, 比較], children }. */
function tree(nodes, depth) {
  return nodes.map(([name, rest, last], i) => {
    const children = Array.isArray(rest) ? tree(rest, depth + 1) : [];
    const now = children.length ? sum(children, 0) : rest;
    const before = children.length ? sum(children, 1) : last;
    return { name, no: i + 1, depth, values: [now, before, now - before], children };
  });
}
const KAN = tree(BUDGET, 0);
const TOTAL = [sum(KAN, 0), sum(KAN, 1), sum(KAN, 0) - sum(KAN, 1)];

/** Rows of a page: pruning drops 目 that only repeat their 項 (a 項 without 目). */
function rows(nodes, label, prune = false) {
  return nodes.flatMap((n) => {
    const kids = prune && n.children.length === 1 && n.children[0].name === n.name && n.children[0].children.length === 0 ? [] : n.children;
    return [{ depth: n.depth, label: label(n), values: n.values }, ...rows(kids, label, prune)];
  });
}

const UNITS = ['款', '項', '目'];
const PAGES = [
  {
    sheet: '第1表', title: '第１表　歳入歳出予算　２　歳出', levelsBy: 'columns',
    columns: ['款', '項', '金額'], widthsMm: [50, 62, 36],
    rows: rows(KAN.map((k) => ({ ...k, children: k.children.map((c) => ({ ...c, children: [] })) })), (n) => `${n.no}　${n.name}`)
      .map((r) => ({ ...r, cells: r.depth === 0 ? [r.label, '', fmt(r.values[0])] : ['', r.label, fmt(r.values[0])], values: [r.values[0]] })),
    total: { cells: ['歳出合計', '', fmt(TOTAL[0])], values: [TOTAL[0]], labelSpan: 2 },
  },
  {
    sheet: '事項別明細', title: '歳出予算事項別明細書', levelsBy: 'units', indent: true,
    rows: rows(KAN, (n) => `第${n.no}${UNITS[n.depth]}　${n.name}`),
  },
  {
    sheet: '番号', title: '歳出予算（款・項・目別）', levelsBy: 'numbering',
    rows: rows(KAN, (n) => [`${n.no}　`, `（${FULL(n.no)}）`, CIRCLED[n.no - 1]][n.depth] + n.name),
  },
  {
    sheet: '字下げ', title: '歳出予算（款・項・目別）', levelsBy: 'indent', indent: true,
    rows: rows(KAN, (n) => n.name, true),
  },
].map((p, i) => ({
  page: i + 1,
  columns: ['科目', '本年度予算額', '前年度予算額', '比較'],
  widthsMm: [70, 34, 34, 34],
  total: { cells: ['歳出合計', ...TOTAL.map(fmt)], values: TOTAL, labelSpan: 1 },
  ...p,
  rows: p.rows.map((r) => ({ depth: r.depth, cells: r.cells ?? [r.label, ...r.values.map(fmt)], values: r.values })),
}));

// ---------------------------------------------------------------------------
// checks on the data itself

const failures = [];
const check = (ok, message) => ok || failures.push(message);
for (const p of PAGES) {
  p.rows.forEach((r, i) => {
    const kids = [];
    for (let j = i + 1; j < p.rows.length && p.rows[j].depth > r.depth; j++) if (p.rows[j].depth === r.depth + 1) kids.push(p.rows[j]);
    if (kids.length) r.values.forEach((v, c) => check(v === kids.reduce((s, k) => s + k.values[c], 0), `p${p.page} ${r.cells.join('|')}: parent ≠ Σ children`));
  });
  p.total.values.forEach((v, c) => check(v === p.rows.filter((r) => r.depth === 0).reduce((s, r) => s + r.values[c], 0), `p${p.page}: 歳出合計 ≠ Σ 款`));
}
for (const p of PAGES.slice(1)) p.rows.forEach((r) => check(r.values[2] === r.values[0] - r.values[1], `p${p.page}: 比較`));

// ---------------------------------------------------------------------------
// Flat ODS

const INDENT_MM = 3.5; // one step of Calc's indent button
const cellStyle = (name, { align = 'start', indent = 0, border = true, bold = false, num = false, size = 9 } = {}) =>
  `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${num ? ' style:data-style-name="N0"' : ''}>` +
  `<style:table-cell-properties style:vertical-align="middle" fo:border="${border ? '0.5pt solid #000000' : 'none'}" fo:padding="0.6mm" style:text-align-source="fix"/>` +
  `<style:paragraph-properties fo:text-align="${align}" fo:margin-left="${indent * INDENT_MM}mm"/>` +
  `<style:text-properties fo:font-size="${size}pt" style:font-size-asian="${size}pt"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/>` +
  `</style:style>`;
const STYLES = [
  cellStyle('ceTitle', { border: false, bold: true, size: 12 }),
  cellStyle('ceUnit', { align: 'end', border: false }),
  cellStyle('ceHead', { align: 'center' }),
  cellStyle('ceNum', { align: 'end', num: true }),
  cellStyle('ceTotal', { align: 'center' }),
  ...[0, 1, 2].map((d) => cellStyle(`ceLabel${d}`, { indent: d })),
];

function sheet(p) {
  const n = p.columns.length;
  const cols = p.widthsMm.map((w, i) => `<table:table-column table:style-name="co${p.page}_${i}"/>`).join('');
  const text = (style, s, span = 1) =>
    `<table:table-cell table:style-name="${style}"${span > 1 ? ` table:number-columns-spanned="${span}"` : ''} office:value-type="string"><text:p>${esc(s)}</text:p></table:table-cell>` +
    '<table:covered-table-cell/>'.repeat(span - 1);
  const num = (v) => `<table:table-cell table:style-name="ceNum" office:value-type="float" office:value="${v}"><text:p>${esc(fmt(v))}</text:p></table:table-cell>`;
  const row = (cells) => `<table:table-row table:style-name="ro">${cells}</table:table-row>\n`;
  const body = p.rows.map((r) => {
    const labels = r.cells.slice(0, n - r.values.length);
    return row(labels.map((s) => (s === '' ? '<table:table-cell table:style-name="ceLabel0"/>' : text(`ceLabel${p.indent ? r.depth : 0}`, s))).join('') + r.values.map(num).join(''));
  });
  return (
    `<table:table table:name="${esc(p.sheet)}" table:style-name="ta">${cols}\n` +
    row(text('ceTitle', p.title, n)) +
    row(text('ceUnit', '（単位：千円）', n)) +
    row(p.columns.map((c) => text('ceHead', c)).join('')) +
    body.join('') +
    row(text('ceTotal', p.total.cells[0], p.total.labelSpan) + p.total.values.map(num).join('')) +
    '</table:table>'
  );
}

const fods = flatOds({
  title: '令和6年度 みなみ村一般会計予算 歳出（架空）',
  generator: 'scripts/build-budget.mjs',
  font: FONT,
  styles: [...TRIANGLE_NUMBERS, defaultCellStyle(`<style:text-properties style:font-name="${FONT}" style:font-name-asian="${FONT}" fo:font-size="9pt" style:font-size-asian="9pt"/>`)],
  automaticStyles: [
    tableStyle('ta', 'Budget'),
    '<style:style style:name="ro" style:family="table-row"><style:table-row-properties style:row-height="6.5mm" style:use-optimal-row-height="false"/></style:style>',
    PAGES.flatMap((p) => p.widthsMm.map((w, i) => `<style:style style:name="co${p.page}_${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}mm"/></style:style>`)).join('\n'),
    STYLES.join('\n'),
    '<style:page-layout style:name="pm"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" fo:margin-top="15mm" fo:margin-bottom="15mm" fo:margin-left="20mm" fo:margin-right="15mm" style:print="objects charts drawings zero-values" style:scale-to="100%"/><style:header-style/><style:footer-style/></style:page-layout>',
  ],
  masterStyles: [masterPage('Budget', 'pm')],
  sheets: PAGES.map(sheet),
});

// ---------------------------------------------------------------------------
// print and check the PDF

const fodsFile = join(SAMPLES, `${NAME}.fods`);
const pdfFile = join(SAMPLES, `${NAME}.pdf`);
if (failures.length === 0) {
  mkdirSync(SAMPLES, { recursive: true });
  writeFileSync(fodsFile, fods);
  printPdf(fodsFile, pdfFile, SAMPLES, check);
}
if (failures.length === 0) {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdfFile]))[1]);
  check(pages === PAGES.length, `${pages} pages, expected ${PAGES.length} (one per sheet)`);
  check(/IPAexGothic/.test(run('pdffonts', [pdfFile])), 'IPAexGothic not embedded');
  for (const p of PAGES) {
    // Each row's cells, in order, on one printed line of the page.
    const lines = run('pdftotext', ['-layout', '-f', String(p.page), '-l', String(p.page), '-enc', 'UTF-8', pdfFile, '-']).split('\n').map((l) => l.replace(/\s+/g, ''));
    for (const cells of [[p.title], ...p.rows.map((r) => r.cells), p.total.cells]) {
      const line = cells.join('').replace(/\s+/g, '');
      check(lines.includes(line), `p${p.page}: no printed line reads "${line}"`);
    }
  }
}
if (failures.length) {
  console.error(`build-budget: ${failures.length} check(s) failed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
  process.exit(1);
}

const truth = {
  document: { file: `${NAME}.pdf`, title: '令和6年度 みなみ村一般会計予算 歳出（架空）', unit: '千円', made: 'scripts/build-budget.mjs → FODS → LibreOffice' },
  pages: PAGES.map(({ page, sheet, title, levelsBy, columns, rows: r, total }) => ({
    page, sheet, title, levelsBy, columns,
    rows: r.map(({ depth, cells, values }) => ({ depth, cells, values })),
    total: { label: total.cells[0], values: total.values },
  })),
};
writeFileSync(join(SAMPLES, `${NAME}.truth.json`), JSON.stringify(truth, null, 2) + '\n');
console.log(`${NAME}.pdf: ${PAGES.length} pages, ${PAGES.map((p) => `p${p.page} ${p.levelsBy} ${p.rows.length} rows`).join(', ')} ✓`);
