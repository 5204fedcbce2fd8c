#!/usr/bin/env node
// Builds the sample PDFs of the Tokyo plan (東京都地域人材確保総合支援事業 計画書（令和５年度）)
// from samples/tokyo-plan-r5.truth.json, the way the original was made: a spreadsheet
// printed to PDF.
//
//   truth.json --> samples/<name>.fods (Flat ODS, one per rendering, two sheets)
//              --> soffice --convert-to pdf --> samples/<name>.pdf
//              --> qpdf --encrypt (AES-256) for the encrypted copy
//
// Every step is checked; any failed check aborts with a non-zero exit code.
// Needs: soffice (libreoffice-calc-nogui), qpdf, poppler-utils, fonts-ipaexfont, fonts-noto-cjk.
// Plain Node ESM, built-ins only.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCellStyle, esc, flatOds, masterPage, tableStyle } from './lib/office.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'samples');
const TRUTH_FILE = join(SAMPLES, 'tokyo-plan-r5.truth.json');
const argv = process.argv.slice(2);
const args = new Set(argv);
const KEEP_FODS = !args.has('--no-fods');
// --only NAME[,NAME…]: build only these renderings (file names, with or without .pdf), so the
// committed PDFs of the others stay byte-identical. The truth is checked in full either way.
const onlyAt = argv.indexOf('--only');
const ONLY = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',').filter(Boolean).map((n) => n.replace(/\.pdf$/, ''))) : null;
const selected = (r) => !ONLY || ONLY.has(r.file.replace(/\.pdf$/, ''));

// ---------------------------------------------------------------------------
// failure handling

const failures = [];
function check(ok, message) {
  if (!ok) failures.push(message);
  return ok;
}
function bail(stage) {
  if (failures.length === 0) return;
  console.error(`\nbuild-samples: ${failures.length} check(s) failed during ${stage}:`);
  for (const f of failures.slice(0, 40)) console.error(`  ✗ ${f}`);
  if (failures.length > 40) console.error(`  … and ${failures.length - 40} more`);
  process.exit(1);
}
function log(msg) {
  console.log(msg);
}

// ---------------------------------------------------------------------------
// 1. load and check the truth

const truth = JSON.parse(readFileSync(TRUTH_FILE, 'utf8'));
const fmtInt = (n) => n.toLocaleString('en-US'); // #,##0
const DASH = '－'; // U+FF0D: "none" in the target columns
const TARGET_KEYS = ['targetEmployment', 'targetEmployers', 'targetSupportedEmployers'];
const SUM_KEYS = ['amount', 'subsidy', ...TARGET_KEYS];

function checkTable(t) {
  const where = `table ${t.name}`;
  const keys = t.columns.map((c) => c.key);
  // header rows cover every column exactly once
  const covered = new Map();
  const [r1, r2] = t.headerRows;
  check(t.headerRows.length === 2, `${where}: two header rows expected`);
  let col = 0;
  for (const h of r1) {
    const k = keys.indexOf(h.key);
    check(k === col, `${where}: header "${h.label}" out of column order`);
    for (let i = 0; i < h.colSpan; i++) covered.set(col + i, (covered.get(col + i) ?? 0) + h.rowSpan);
    col += h.colSpan;
  }
  for (const h of r2) {
    const k = keys.indexOf(h.key);
    check(k >= 0 && covered.get(k) === 1, `${where}: second-row header "${h.label}" not under a one-row cell`);
    covered.set(k, covered.get(k) + 1);
  }
  check(col === keys.length, `${where}: first header row spans ${col} of ${keys.length} columns`);
  for (let i = 0; i < keys.length; i++) check(covered.get(i) === 2, `${where}: header of column ${keys[i]} does not fill both rows`);
  for (const c of t.columns) {
    const path = [];
    for (const h of r1) {
      const idx = keys.indexOf(h.key);
      if (keys.indexOf(c.key) >= idx && keys.indexOf(c.key) < idx + h.colSpan) path.push(h.label);
    }
    const sub = r2.find((h) => h.key === c.key);
    if (sub) path.push(sub.label);
    check(JSON.stringify(path) === JSON.stringify(c.header), `${where}: column ${c.key} header path ${JSON.stringify(c.header)} != printed ${JSON.stringify(path)}`);
  }

  // rows: sequential, complete, printed strings agree with values
  const groupOf = new Map();
  for (const g of t.amountGroups) {
    for (let i = 1; i < g.rows.length; i++) check(g.rows[i] === g.rows[i - 1] + 1, `${where}: group ${g.municipality} rows not consecutive`);
    for (const n of g.rows) groupOf.set(n, g);
    check(g.cells.amount === fmtInt(g.values.amount) && g.cells.subsidy === fmtInt(g.values.subsidy), `${where}: group ${g.municipality} printed amounts disagree with values`);
  }
  t.rows.forEach((r, i) => {
    const w = `${where} row ${r.no}`;
    check(r.no === i + 1 && r.cells.no === String(i + 1), `${w}: 整理番号 not sequential`);
    check(JSON.stringify(Object.keys(r.cells)) === JSON.stringify(keys), `${w}: cell keys ${Object.keys(r.cells)} != columns`);
    const g = groupOf.get(r.no);
    check((r.amountGroup ?? null) === (g ? g.municipality : null), `${w}: amountGroup mismatch`);
    if (g) {
      check(r.cells.municipality === g.municipality, `${w}: municipality differs from its amount group`);
      const first = g.rows[0] === r.no;
      check(first ? r.cells.amount === g.cells.amount && r.cells.subsidy === g.cells.subsidy : r.cells.amount === null && r.cells.subsidy === null,
        `${w}: merged amount cell must be printed on the group's first row only`);
      check(r.values.amount === g.values.amount && r.values.subsidy === g.values.subsidy, `${w}: values.amount/subsidy must be the group's`);
    } else {
      check(r.cells.amount === fmtInt(r.values.amount) && r.cells.subsidy === fmtInt(r.values.subsidy), `${w}: printed amounts disagree with values`);
    }
    for (const k of TARGET_KEYS) {
      const v = r.values[k];
      check(r.cells[k] === (v == null ? DASH : fmtInt(v)), `${w}: ${k} printed "${r.cells[k]}" but value ${v}`);
    }
    for (const k of keys) {
      const s = r.cells[k];
      if (s == null) continue;
      check(s === s.trim() || /^　/.test(s), `${w}: ${k} has stray outer whitespace`);
      check(!s.includes('\n\n') && !s.startsWith('\n') && !s.endsWith('\n'), `${w}: ${k} has empty lines`);
    }
    check(/^令和\d+年\d+月\d+日$/.test(r.cells.startDate), `${w}: startDate "${r.cells.startDate}"`);
    check(/\d{2,5}-\d{1,4}-\d{4}/.test(r.cells.contact.split('\n').at(-1)) || /（内線\d+）$/.test(r.cells.contact), `${w}: contact should end with the phone line`);
    const desc = r.cells.description.replace(/\n/g, '');
    check([...desc].length <= 400, `${w}: description unexpectedly long`);
  });

  // subsidy rule, per row and per group (each merged cell counted once)
  const units = [];
  for (const r of t.rows) {
    const g = groupOf.get(r.no);
    if (g && g.rows[0] !== r.no) continue;
    units.push({ label: g ? `${g.municipality} ${g.rows[0]}–${g.rows.at(-1)}` : `row ${r.no}`, amount: r.values.amount, subsidy: r.values.subsidy });
  }
  for (const u of units) {
    const expected = t.subsidyRule === 'subsidy = ceil(amount / 2)' ? Math.ceil(u.amount / 2)
      : t.subsidyRule === 'subsidy = amount' ? u.amount : NaN;
    check(u.subsidy === expected, `${where} ${u.label}: 補助金申請額 ${u.subsidy} != ${t.subsidyRule} (${expected})`);
  }
  // column totals
  const sums = {
    amount: units.reduce((s, u) => s + u.amount, 0),
    subsidy: units.reduce((s, u) => s + u.subsidy, 0),
  };
  for (const k of TARGET_KEYS) sums[k] = t.rows.reduce((s, r) => s + (r.values[k] ?? 0), 0);
  for (const k of SUM_KEYS) {
    check(sums[k] === t.total.values[k], `${where}: 合計 ${k} ${t.total.values[k]} but the rows sum to ${sums[k]}`);
    check(t.total.cells[k] === fmtInt(t.total.values[k]), `${where}: 合計 ${k} printed "${t.total.cells[k]}"`);
  }
  check(JSON.stringify(t.total.labelSpan) === JSON.stringify(keys.slice(0, keys.indexOf('amount'))), `${where}: 合計 label must span the leading text columns`);
  // municipality groups = runs of equal municipality
  const runs = [];
  for (const r of t.rows) {
    const last = runs.at(-1);
    if (last && last.municipality === r.cells.municipality) last.rows.push(r.no);
    else runs.push({ municipality: r.cells.municipality, rows: [r.no] });
  }
  check(JSON.stringify(runs.filter((g) => g.rows.length > 1)) === JSON.stringify(t.municipalityGroups), `${where}: municipalityGroups disagree with the rows`);
  log(`  ${where}: ${t.rows.length} rows; 合計 ${SUM_KEYS.map((k) => fmtInt(sums[k])).join(' / ')} ✓; ${t.subsidyRule} ✓ (${units.length} amount cells)`);
  return sums;
}

log('Checking the truth file');
for (const t of truth.tables) checkTable(t);
{
  const chosen = truth.source.chosenValues;
  const g = truth.tables[0].amountGroups;
  for (const [m, v] of Object.entries(chosen)) {
    const grp = g.find((x) => x.municipality === m);
    check(grp && grp.values.amount === v.amount && grp.values.subsidy === v.subsidy && JSON.stringify(grp.rows) === JSON.stringify(v.rows), `chosen values for ${m} disagree with the table`);
  }
}
// A rendering with a mistyped cell: one amount printed wrong while the 合計 cells are typed in
// as the true totals, so that 合計 fails on exactly that column by exactly the typo.
for (const r of truth.renderings) {
  const m = r.mistyped;
  if (!m) continue;
  const where = `${r.file}: mistyped`;
  const t = truth.tables.find((x) => x.name === m.table);
  const row = t?.rows.find((x) => x.no === m.no);
  if (!check(row && SUM_KEYS.includes(m.column), `${where}: no ${m.table} row ${m.no} with a summed column ${m.column}`)) continue;
  check(!t.amountGroups.some((g) => g.rows.includes(m.no)), `${where}: row ${m.no} is in a merged amount group`);
  check(row.values[m.column] === m.value && row.cells[m.column] === fmtInt(m.value), `${where}: value ${m.value} is not the row's true ${m.column} (${row.cells[m.column]})`);
  const digits = (s) => [...s.replace(/\D/g, '')];
  const swapped = digits(m.printed).filter((d, i) => d !== digits(row.cells[m.column])[i]);
  check(m.printed === fmtInt(m.printedValue) && m.printedValue !== m.value && swapped.length === 2 && digits(m.printed).sort().join('') === digits(row.cells[m.column]).sort().join(''),
    `${where}: "${m.printed}" (${m.printedValue}) must be ${row.cells[m.column]} with two digits swapped`);
  check(r.literalTotals === true, `${where}: the 合計 cells must be literal numbers (literalTotals), or the spreadsheet would sum the typo`);
  // What the 合計 check then reads: the printed (true) total against the column with the typo.
  const printed = t.total.values[m.column];
  const sum = printed - m.value + m.printedValue;
  check(m.total?.printed === printed && m.total?.sum === sum && m.total?.difference === printed - sum,
    `${where}: total should read printed ${printed}, sum ${sum}, difference ${printed - sum}`);
  log(`  ${where}: ${m.table} row ${m.no} ${m.column} printed ${m.printed} for ${fmtInt(m.value)}; 合計 ${fmtInt(printed)} vs sum ${fmtInt(sum)} (${printed - sum}) ✓`);
}
for (const name of ONLY ?? []) check(truth.renderings.some((r) => selected(r) && r.file.replace(/\.pdf$/, '') === name), `--only: no rendering named ${name}`);
bail('the truth checks');

/**
 * The tables as a rendering prints them: the truth, with a mistyped cell (if any) in place
 * of the true one. The 合計 row keeps the true totals.
 */
function printedTables(r) {
  const m = r.mistyped;
  if (!m) return truth.tables;
  return truth.tables.map((t) => t.name !== m.table ? t : {
    ...t,
    rows: t.rows.map((row) => row.no !== m.no ? row : {
      ...row,
      cells: { ...row.cells, [m.column]: m.printed },
      values: { ...row.values, [m.column]: m.printedValue },
    }),
  });
}

// ---------------------------------------------------------------------------
// 2. Flat ODS writer

const colName = (i) => (i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
// Lines of a cell. Leading U+3000 survives in ODF text; ASCII runs of spaces need <text:s/>.
function paras(text) {
  return String(text)
    .split('\n')
    .map((line) => `<text:p>${esc(line).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)}</text:p>`)
    .join('');
}

function textProps(font, sizePt, bold) {
  const w = bold ? ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"' : '';
  return `<style:text-properties style:font-name="${esc(font)}" style:font-name-asian="${esc(font)}" style:font-name-complex="${esc(font)}" fo:font-size="${sizePt}pt" style:font-size-asian="${sizePt}pt" style:font-size-complex="${sizePt}pt"${w}/>`;
}

// Text width in em: full-width 1, ASCII and half-width kana 0.6 (generous for IPAex/Noto proportional Latin).
function emWidth(s) {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    w += c < 0x80 ? (c === 0x20 ? 0.35 : 0.6) : c >= 0xff61 && c <= 0xff9f ? 0.6 : 1;
  }
  return w;
}
// Conservative number of printed lines of a wrapped cell: one em of slack per line covers
// kinsoku pushes and LibreOffice's print-time re-wrapping at the page scale.
function wrappedLines(text, widthMm, sizePt, padMm) {
  const emMm = (sizePt * 25.4) / 72;
  const avail = (widthMm - 2 * padMm) / emMm - 1;
  return String(text).split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(emWidth(line) / avail)), 0);
}

// The sheet as rows of cells with explicit heights (mm, unscaled). Used to write the FODS and,
// after printing, to check that every cell's text lies inside the cell's box on the page.
function sheetModel(r, t) {
  const keys = t.columns.map((c) => c.key);
  const N = keys.length;
  const widths = keys.map((k) => r.columnWidthsMm[t.name][k]);
  const pad = r.cellPaddingMm;
  const pitch = r.font.linePitchEm;
  const needMm = (lines, sizePt) => lines * pitch * ((sizePt * 25.4) / 72) + 2 * pad + 0.8;
  const spanWidth = (c0, n) => widths.slice(c0, c0 + n).reduce((a, b) => a + b, 0);
  const rows = [];
  const push = (kind, cells, extra = {}) => rows.push({ kind, cells, ...extra });

  push('title', [{ col: 0, colSpan: N, rowSpan: 1, text: t.title, style: 'ceTitle', size: r.font.titleSizePt, nowrap: true }]);
  push('unit', [{ col: N - 3, colSpan: 3, rowSpan: 1, text: t.unit, style: 'ceUnit', nowrap: true }]);
  const [h1, h2] = t.headerRows;
  let col = 0;
  const c1 = h1.map((h) => {
    const c = { col, colSpan: h.colSpan, rowSpan: h.rowSpan, text: h.text, style: 'ceHead', size: r.font.headerSizePt };
    col += h.colSpan;
    return c;
  });
  push('head1', c1);
  push('head2', h2.map((h) => ({ col: keys.indexOf(h.key), colSpan: 1, rowSpan: 1, text: h.text, style: 'ceHead', size: r.font.headerSizePt })));

  const merges = new Map();
  const addGroups = (key, groups) => {
    const m = new Map();
    for (const g of groups) g.rows.forEach((n, i) => m.set(n, i === 0 ? g.rows.length : 0));
    merges.set(key, m);
  };
  addGroups('amount', t.amountGroups);
  addGroups('subsidy', t.amountGroups);
  if (r.mergeMunicipality) addGroups('municipality', t.municipalityGroups);
  const breaks = new Set(r.pageBreaksBefore[t.name] ?? []);
  for (const rw of t.rows) {
    const cells = [];
    keys.forEach((k, i) => {
      const span = merges.get(k)?.get(rw.no);
      if (span === 0) return;
      const c = { col: i, colSpan: 1, rowSpan: span || 1, key: k };
      if (k === 'amount' || k === 'subsidy') Object.assign(c, { style: 'ceNum', value: rw.values[k], text: fmtInt(rw.values[k]) });
      else if (TARGET_KEYS.includes(k)) Object.assign(c, rw.values[k] == null ? { style: 'ceDash', text: DASH } : { style: 'ceNum', value: rw.values[k], text: fmtInt(rw.values[k]) });
      else if (k === 'no') Object.assign(c, { style: 'ceCenter', value: rw.no, text: String(rw.no) });
      else Object.assign(c, { style: ['category', 'startDate', 'municipality'].includes(k) ? 'ceCenter' : 'ceText', text: rw.cells[k] });
      if (c.text !== rw.cells[k]) failures.push(`${r.file}: ${t.name} row ${rw.no} ${k} would print "${c.text}", truth says "${rw.cells[k]}"`);
      cells.push(c);
    });
    push('data', cells, { no: rw.no, pageBreak: breaks.has(rw.no) });
  }
  const lead = t.total.labelSpan.length;
  const tc = [{ col: 0, colSpan: lead, rowSpan: 1, text: t.total.label, style: 'ceTotalLabel' }];
  for (let i = lead; i < N; i++) {
    const k = keys[i];
    if (SUM_KEYS.includes(k)) tc.push({ col: i, colSpan: 1, rowSpan: 1, style: 'ceTotalNum', value: t.total.values[k], text: t.total.cells[k], sum: k });
    else tc.push({ col: i, colSpan: 1, rowSpan: 1, style: 'ceBlank', text: '' });
  }
  push('total', tc);
  push('blank', []);
  for (const n of t.notes) push('note', [{ col: 0, colSpan: N, rowSpan: 1, text: n, style: 'ceNote' }]);

  // heights: single-row cells first, then grow the last row of any taller spanning cell
  rows.forEach((row) => {
    let h = needMm(1, r.font.sizePt);
    for (const c of row.cells) {
      if (c.rowSpan > 1) continue;
      const size = c.size ?? r.font.sizePt;
      const lines = c.nowrap ? 1 : wrappedLines(c.text, spanWidth(c.col, c.colSpan), size, pad);
      h = Math.max(h, needMm(lines, size));
    }
    row.heightMm = Math.round(h * 100) / 100;
  });
  rows.forEach((row, ri) => {
    for (const c of row.cells) {
      if (c.rowSpan < 2) continue;
      const need = needMm(wrappedLines(c.text, spanWidth(c.col, c.colSpan), c.size ?? r.font.sizePt, pad), c.size ?? r.font.sizePt);
      const have = rows.slice(ri, ri + c.rowSpan).reduce((s, x) => s + x.heightMm, 0);
      if (need > have) rows[ri + c.rowSpan - 1].heightMm = Math.round((rows[ri + c.rowSpan - 1].heightMm + need - have) * 100) / 100;
    }
  });
  return { keys, widths, rows, N };
}

function buildFods(r) {
  const font = r.font.family;
  // cellBorders: false prints the sheet without any cell border ("Excel without gridlines");
  // bodyVerticalAlign sets where data and 合計 cells put their text (the header stays centred).
  const B = r.cellBorders === false ? 'fo:border="none"' : 'fo:border="0.5pt solid #000000"';
  const body = r.bodyVerticalAlign ?? 'middle';
  const PAD = `fo:padding="${r.cellPaddingMm}mm"`;
  const cell = (name, { h = 'start', v = 'middle', wrap = true, border = true, size = r.font.sizePt, bold = false, num = false } = {}) =>
    `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${num ? ' style:data-style-name="N0"' : ''}>` +
    `<style:table-cell-properties style:vertical-align="${v}"${wrap ? ' fo:wrap-option="wrap"' : ''}${border ? ` ${B}` : ' fo:border="none"'} ${PAD} style:text-align-source="fix" style:repeat-content="false"/>` +
    `<style:paragraph-properties fo:text-align="${h}"/>` +
    textProps(font, size, bold) +
    `</style:style>`;

  const styles = [
    cell('ceTitle', { h: 'center', wrap: false, border: false, size: r.font.titleSizePt, bold: true }),
    cell('ceUnit', { h: 'end', wrap: false, border: false }),
    cell('ceHead', { h: 'center', size: r.font.headerSizePt }),
    cell('ceText', { h: 'start', v: body }),
    cell('ceCenter', { h: 'center', v: body }),
    cell('ceNum', { h: 'end', v: body, num: true }),
    cell('ceDash', { h: 'end', v: body }),
    cell('ceTotalLabel', { h: 'center', v: body }),
    cell('ceTotalNum', { h: 'end', v: body, num: true }),
    cell('ceBlank', { v: body }),
    cell('ceNote', { h: 'start', v: 'top', border: false }),
  ].join('\n');

  const m = r.marginsMm;
  const pageLayout =
    `<style:page-layout style:name="pmKohyo"><style:page-layout-properties fo:page-width="${r.paper.widthMm}mm" fo:page-height="${r.paper.heightMm}mm" style:print-orientation="landscape" ` +
    `fo:margin-top="${m.top}mm" fo:margin-bottom="${m.bottom}mm" fo:margin-left="${m.left}mm" fo:margin-right="${m.right}mm" ` +
    `style:print="objects charts drawings zero-values" style:print-page-order="ttb" style:table-centering="none" style:scale-to="${r.scalePercent}%"/>` +
    `<style:header-style/><style:footer-style/></style:page-layout>`;

  let autoStyles = '';
  const rowStyles = new Map();
  const rowStyle = (h, brk) => {
    const key = `${h}|${brk}`;
    if (!rowStyles.has(key)) {
      const name = `ro${rowStyles.size}`;
      rowStyles.set(key, name);
      autoStyles += `<style:style style:name="${name}" style:family="table-row"><style:table-row-properties style:row-height="${h}mm" fo:break-before="${brk ? 'page' : 'auto'}" style:use-optimal-row-height="false"/></style:style>\n`;
    }
    return rowStyles.get(key);
  };
  const sheets = printedTables(r).map((t, ti) => {
    const model = sheetModel(r, t);
    const { N, rows } = model;
    const cols = model.widths
      .map((w, i) => {
        const sn = `co${ti}_${i}`;
        autoStyles += `<style:style style:name="${sn}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${w}mm"/></style:style>\n`;
        return `<table:table-column table:style-name="${sn}" table:default-cell-style-name="Default"/>`;
      })
      .join('');
    const firstData = rows.findIndex((x) => x.kind === 'data') + 1; // 1-based sheet row
    const lastData = rows.findLastIndex((x) => x.kind === 'data') + 1;
    // covered[rowIndex][col] = true where a spanning cell covers the position
    const coveredAt = rows.map(() => new Set());
    rows.forEach((row, ri) => {
      for (const c of row.cells) for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) if (dr || dc) coveredAt[ri + dr].add(c.col + dc);
    });
    const xmlRows = rows.map((row, ri) => {
      let cs = '';
      for (let col = 0; col < N; col++) {
        const c = row.cells.find((x) => x.col === col);
        if (c) {
          const span = (c.rowSpan > 1 ? ` table:number-rows-spanned="${c.rowSpan}"` : '') + (c.colSpan > 1 ? ` table:number-columns-spanned="${c.colSpan}"` : '');
          if (c.sum && !r.literalTotals) {
            const L = colName(col);
            cs += `<table:table-cell table:style-name="${c.style}"${span} table:formula="of:=SUM([.${L}${firstData}:.${L}${lastData}])" office:value-type="float" office:value="${c.value}" calcext:value-type="float"><text:p>${esc(c.text)}</text:p></table:table-cell>`;
          } else if (c.value != null) {
            cs += `<table:table-cell table:style-name="${c.style}"${span} office:value-type="float" office:value="${c.value}" calcext:value-type="float"><text:p>${esc(c.text)}</text:p></table:table-cell>`;
          } else if (c.text === '') {
            cs += `<table:table-cell table:style-name="${c.style}"${span}/>`;
          } else {
            cs += `<table:table-cell table:style-name="${c.style}"${span} office:value-type="string" calcext:value-type="string">${paras(c.text)}</table:table-cell>`;
          }
        } else if (coveredAt[ri].has(col)) cs += '<table:covered-table-cell/>';
        else cs += '<table:table-cell/>';
      }
      return `<table:table-row table:style-name="${rowStyle(row.heightMm, row.pageBreak)}">${cs}</table:table-row>\n`;
    });
    const head = xmlRows.slice(0, 4).join('');
    const body = xmlRows.slice(4).join('');
    const headXml = r.repeatHeader ? `<table:table-header-rows>\n${head}</table:table-header-rows>\n` : head;
    return `<table:table table:name="${esc(t.sheet)}" table:style-name="taKohyo">${cols}\n${headXml}${body}</table:table>`;
  });

  return flatOds({
    title: truth.document.title,
    generator: 'scripts/build-samples.mjs',
    font: r.font.family,
    namespaces: { of: 'urn:oasis:names:tc:opendocument:xmlns:of:1.2', calcext: 'urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0' },
    styles: [
      '<number:number-style style:name="N0"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>',
      defaultCellStyle(textProps(r.font.family, r.font.sizePt, false)),
    ],
    automaticStyles: [`${autoStyles}${tableStyle('taKohyo', 'Kohyo')}`, styles, pageLayout],
    masterStyles: [masterPage('Kohyo', 'pmKohyo')],
    sheets,
  });
}

// ---------------------------------------------------------------------------
// 3. helpers for the PDF checks

const run = (cmd, argv, opts = {}) => execFileSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
const norm = (s) => String(s).replace(/[\s\u3000]+/g, '');

function pdfPages(file, pw) {
  const extra = pw ? ['-upw', pw] : [];
  const info = run('pdfinfo', [...extra, '-f', '1', '-l', '999', file]);
  const n = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
  const texts = [];
  for (let p = 1; p <= n; p++) texts.push(run('pdftotext', [...extra, '-raw', '-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-']));
  return { n, sizes, texts, info };
}

function bboxWords(file, page, pw) {
  const html = run('pdftotext', [...(pw ? ['-upw', pw] : []), '-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4],
    text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
  }));
}

// Every printed cell has a known box on the page (margins + column widths + row heights, times the
// print scale). The words pdftotext finds inside each box must be exactly the cell's text, and no
// word may lie outside every box. Clipped text (a row too low for its text) fails this: its lost
// line is still in the content stream but lands outside its cell. The only words allowed outside
// are the clipped copies of merged cells cut by a page break (see cutGroups in the truth).
function verifyGeometry(r, file, pw) {
  const where = r.file;
  const PT = 72 / 25.4;
  const k = (r.scalePercent / 100) * PT;
  r.pageLayout.forEach((pl) => {
    const t = printedTables(r).find((x) => x.name === pl.table);
    const model = sheetModel(r, t);
    const xs = [r.marginsMm.left * PT];
    for (const w of model.widths) xs.push(xs.at(-1) + w * k);
    // the sheet rows printed on this page, top to bottom
    const printed = [];
    if (pl.header) printed.push(0, 1, 2, 3);
    model.rows.forEach((row, ri) => {
      if (row.kind === 'data' && row.no >= pl.rows[0] && row.no <= pl.rows[1]) printed.push(ri);
      if (pl.total && ['total', 'blank', 'note'].includes(row.kind)) printed.push(ri);
    });
    const top = new Map();
    let y = r.marginsMm.top * PT;
    for (const ri of printed) {
      top.set(ri, y);
      y += model.rows[ri].heightMm * k;
    }
    const bottomOf = (ri) => top.get(ri) + model.rows[ri].heightMm * k;
    // boxes: cells whose origin is printed here, plus the on-page part of cells continued from a previous page
    const boxes = [];
    const cuts = (r.cutGroups ?? []).filter((cg) => cg.table === t.name);
    model.rows.forEach((row, ri) => {
      for (const c of row.cells) {
        const span = Array.from({ length: c.rowSpan }, (_, i) => ri + i).filter((x) => top.has(x));
        if (!span.length) continue;
        let text = c.text;
        const cg = c.rowSpan > 1 && row.kind === 'data' ? cuts.find((g) => g.rows[0] === row.no && g.columns.includes(c.key)) : null;
        if (cg) text = cg.textVisibleOnPage === pl.page ? c.text : '';
        boxes.push({ x0: xs[c.col], x1: xs[c.col + c.colSpan], y0: top.get(span[0]), y1: bottomOf(span.at(-1)), text, label: `${row.kind}${row.no ? ' ' + row.no : ''} ${c.key ?? ''}`.trim(), words: [] });
      }
    });
    let words = bboxWords(file, pl.page, pw);
    // remove the clipped copies of cut merged cells
    for (const cg of cuts) {
      if (!cg.clippedCopyOnPages.includes(pl.page)) continue;
      const g = t.amountGroups.find((x) => x.municipality === cg.municipality);
      for (const key of cg.columns) {
        const s = key === 'municipality' ? cg.municipality : g.cells[key];
        const ci = model.keys.indexOf(key);
        const hit = words.find((w) => w.text === s && (w.xMin + w.xMax) / 2 > xs[ci] && (w.xMin + w.xMax) / 2 < xs[ci + 1]);
        if (check(hit, `${where} p${pl.page}: no clipped copy of ${cg.municipality} ${key} "${s}"`)) words = words.filter((w) => w !== hit);
      }
    }
    for (const w of words) {
      const cx = (w.xMin + w.xMax) / 2;
      const cy = (w.yMin + w.yMax) / 2;
      const b = boxes.find((b) => cx > b.x0 && cx < b.x1 && cy > b.y0 && cy < b.y1);
      if (b) b.words.push(w);
      else check(false, `${where} p${pl.page}: "${w.text}" at (${cx.toFixed(1)}, ${cy.toFixed(1)}) lies outside every cell (clipped or misplaced)`);
    }
    for (const b of boxes) {
      b.words.sort((p, q) => (Math.abs(p.yMin - q.yMin) > 1 ? p.yMin - q.yMin : p.xMin - q.xMin));
      const got = norm(b.words.map((w) => w.text).join(''));
      check(got === norm(b.text), `${where} p${pl.page}: cell ${b.label} prints "${got.slice(0, 60)}", expected "${norm(b.text).slice(0, 60)}"`);
      // the text must also sit inside the box vertically (not just by its centre)
      for (const w of b.words) check(w.yMin >= b.y0 - 1 && w.yMax <= b.y1 + 1, `${where} p${pl.page}: cell ${b.label}: "${w.text.slice(0, 20)}" crosses the cell border (clipped)`);
    }
  });
}

// Expected page layout, derived from pageBreaksBefore: every table starts a new page.
function expectedLayout(r) {
  const pages = [];
  for (const t of truth.tables) {
    const breaks = [...(r.pageBreaksBefore[t.name] ?? [])].sort((a, b) => a - b);
    const starts = [1, ...breaks];
    starts.forEach((s, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] - 1 : t.rows.length;
      const last = i === starts.length - 1;
      pages.push({ page: pages.length + 1, table: t.name, title: i === 0 || r.repeatHeader, header: i === 0 || r.repeatHeader, rows: [s, end], total: last, notes: last });
    });
  }
  return pages;
}

function cutGroups(r) {
  const out = [];
  for (const t of truth.tables) {
    const breaks = r.pageBreaksBefore[t.name] ?? [];
    const groups = [
      ...t.amountGroups.map((g) => ({ columns: ['amount', 'subsidy'], ...g })),
      ...(r.mergeMunicipality ? t.municipalityGroups.map((g) => ({ columns: ['municipality'], ...g })) : []),
    ];
    for (const g of groups) {
      const b = breaks.filter((n) => n > g.rows[0] && n <= g.rows.at(-1));
      if (b.length) out.push({ table: t.name, municipality: g.municipality, columns: g.columns, rows: g.rows, breakBefore: b });
    }
  }
  return out;
}

function verifyPdf(r, file, pw) {
  const where = r.file;
  const { n, sizes, texts } = pdfPages(file, pw);
  const layout = r.pageLayout;
  check(n === r.pages, `${where}: ${n} pages, truth says ${r.pages}`);
  check(layout.length === r.pages, `${where}: pageLayout lists ${layout.length} pages, truth says ${r.pages}`);
  // paper size and orientation
  const mm = (pt) => (pt * 25.4) / 72;
  sizes.forEach(([w, h], i) => {
    check(w > h, `${where} p${i + 1}: not landscape (${w}x${h} pt)`);
    check(Math.abs(mm(w) - r.paper.widthMm) < 1.5 && Math.abs(mm(h) - r.paper.heightMm) < 1.5, `${where} p${i + 1}: page is ${mm(w).toFixed(1)}x${mm(h).toFixed(1)} mm, expected ${r.paper.widthMm}x${r.paper.heightMm}`);
  });
  // fonts embedded, the requested family used
  const fonts = run('pdffonts', [...(pw ? ['-upw', pw] : []), file]).split('\n').slice(2).filter(Boolean);
  check(fonts.length > 0, `${where}: no fonts`);
  for (const f of fonts) check(/\byes\s+yes\s+yes\b/.test(f), `${where}: font not embedded+subset+ToUnicode: ${f.trim()}`);
  const fam = norm(r.font.family).toLowerCase();
  check(fonts.some((f) => f.toLowerCase().replace(/\s/g, '').includes(fam)), `${where}: ${r.font.family} not among the PDF fonts`);

  const pagesText = texts.map(norm);
  const all = pagesText.join('');
  check(!all.includes('###'), `${where}: "###" (a too-narrow number cell) in the output`);
  // where each row / header / total / note is printed
  layout.forEach((pl, i) => {
    const txt = pagesText[i] ?? '';
    const t = printedTables(r).find((x) => x.name === pl.table);
    const w = `${where} p${pl.page}`;
    check(txt.includes(norm(t.title)) === pl.title, `${w}: title ${pl.title ? 'missing' : 'printed but should not be'}`);
    check(txt.includes(norm(t.unit)) === pl.title, `${w}: unit ${pl.title ? 'missing' : 'printed but should not be'}`);
    // header cells whose text occurs nowhere else in the table (notes mention 雇用・就業者数 etc.)
    const elsewhere = norm([t.title, ...t.notes, ...t.rows.flatMap((x) => Object.values(x.cells))].join('|'));
    const markers = t.headerRows.flat().map((h) => norm(h.text)).filter((m) => !elsewhere.includes(m));
    check(markers.length >= 5, `${w}: too few header-only texts to check the header (${markers})`);
    const seen = markers.filter((m) => txt.includes(m));
    check(pl.header ? seen.length === markers.length : seen.length === 0, `${w}: header ${pl.header ? `incomplete, missing ${markers.filter((m) => !seen.includes(m))}` : `printed but should not be (${seen})`}`);
    check(txt.includes(norm(t.total.label)) === pl.total, `${w}: 合計 row ${pl.total ? 'missing' : 'unexpected'}`);
    if (pl.total) for (const k of SUM_KEYS) check(txt.includes(norm(t.total.cells[k])), `${w}: 合計 ${k} ${t.total.cells[k]} missing`);
    for (const note of t.notes) check(txt.includes(norm(note)) === pl.notes, `${w}: note "${note.slice(0, 12)}…" ${pl.notes ? 'missing' : 'unexpected'}`);
    for (const rw of t.rows) {
      const here = rw.no >= pl.rows[0] && rw.no <= pl.rows[1];
      const found = txt.includes(norm(rw.cells.description));
      check(found === here, `${w}: ${t.name} row ${rw.no} description ${here ? 'missing' : 'printed here but belongs elsewhere'}`);
      if (!here) continue;
      for (const [k, v] of Object.entries(rw.cells)) {
        if (v == null || (k === 'municipality' && r.mergeMunicipality && t.municipalityGroups.some((g) => g.rows.includes(rw.no) && g.rows[0] !== rw.no))) continue;
        check(txt.includes(norm(v)), `${w}: ${t.name} row ${rw.no} ${k} "${v.slice(0, 20)}" not found`);
      }
    }
  });
  // numbers and dashes, counted exactly: every number/"－" cell printed on a page is one word there
  // (plus the clipped copies of cut merged cells, see below)
  const SHORT = ['no', 'amount', 'subsidy', ...TARGET_KEYS];
  layout.forEach((pl, i) => {
    const t = printedTables(r).find((x) => x.name === pl.table);
    const want = new Map();
    const add = (s) => want.set(s, (want.get(s) ?? 0) + 1);
    const cuts = (r.cutGroups ?? []).filter((cg) => cg.table === t.name);
    const isCut = (no, k) => cuts.some((cg) => cg.rows.includes(no) && cg.columns.includes(k));
    for (const rw of t.rows) if (rw.no >= pl.rows[0] && rw.no <= pl.rows[1]) for (const k of SHORT) if (rw.cells[k] != null && !isCut(rw.no, k)) add(rw.cells[k]);
    if (pl.total) for (const k of SUM_KEYS) add(t.total.cells[k]);
    // a cut merged cell is drawn once on every page it spans (visible on one, clipped on the others)
    for (const cg of cuts) {
      if (cg.textVisibleOnPage !== pl.page && !cg.clippedCopyOnPages?.includes(pl.page)) continue;
      const g = t.amountGroups.find((x) => x.municipality === cg.municipality);
      for (const k of cg.columns) if (k !== 'municipality') add(g.cells[k]);
    }
    // the same tokens standing alone inside other printed text ("( 3 0 0 字 以 内 ）", "2　人材難の…")
    const other = [...(pl.title ? [t.title, t.unit] : []), ...(pl.header ? t.headerRows.flat().map((h) => h.text) : []), ...(pl.notes ? t.notes : []), ...(pl.total ? [t.total.label] : [])];
    for (const rw of t.rows) if (rw.no >= pl.rows[0] && rw.no <= pl.rows[1]) for (const [k, v] of Object.entries(rw.cells)) if (!SHORT.includes(k) && v != null) other.push(v);
    for (const tok of other.join('\n').split(/[\s\u3000]+/)) if (want.has(tok)) add(tok);
    const words = bboxWords(file, pl.page, pw);
    for (const [s, n] of want) {
      const got = words.filter((x) => x.text === s).length;
      check(got === n, `${where} p${pl.page}: "${s}" printed ${got}×, expected ${n}×`);
    }
  });

  verifyGeometry(r, file, pw);
  return texts;
}

// ---------------------------------------------------------------------------
// 4. render

function which(cmd) {
  try {
    run('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}
for (const c of ['soffice', 'qpdf', 'pdfinfo', 'pdftotext', 'pdffonts']) check(which(c), `${c} not found on PATH`);
bail('the tool checks');

const profile = `/tmp/kohyo-lo-profile-${process.pid}`;
mkdirSync(SAMPLES, { recursive: true });
try {
  for (const r of truth.renderings) {
    if (r.derivedFrom || !selected(r)) continue;
    log(`\n${r.file}: ${r.paper.name} landscape, ${r.font.family} ${r.font.sizePt}pt, scale ${r.scalePercent}%, header ${r.repeatHeader ? 'repeated' : 'first page only'}${r.mergeMunicipality ? ', municipality merged' : ''}${r.cellBorders === false ? ', no cell borders' : ''}${r.bodyVerticalAlign ? `, data cells aligned ${r.bodyVerticalAlign}` : ''}${r.mistyped ? `, ${r.mistyped.table} row ${r.mistyped.no} ${r.mistyped.column} mistyped` : ''}${r.literalTotals ? ', 合計 typed in' : ''}`);
    const exp = expectedLayout(r);
    check(JSON.stringify(exp) === JSON.stringify(r.pageLayout), `${r.file}: pageLayout in the truth does not follow from pageBreaksBefore:\n      expected ${JSON.stringify(exp)}`);
    const cg = cutGroups(r).map(({ table, municipality, columns, rows, breakBefore }) => ({ table, municipality, columns, rows, breakBefore }));
    const have = (r.cutGroups ?? []).map(({ table, municipality, columns, rows, breakBefore }) => ({ table, municipality, columns, rows, breakBefore }));
    check(JSON.stringify(cg) === JSON.stringify(have), `${r.file}: cutGroups in the truth do not follow from the page breaks: expected ${JSON.stringify(cg)}`);
    for (const g of r.cutGroups ?? []) {
      const rowPage = (n) => r.pageLayout.find((p) => p.table === g.table && n >= p.rows[0] && n <= p.rows[1])?.page;
      const span = [...new Set(g.rows.map(rowPage))];
      check(JSON.stringify(g.rowPages) === JSON.stringify(Object.fromEntries(g.rows.map((n) => [n, rowPage(n)]))), `${r.file}: cut group ${g.municipality}: rowPages disagree with pageLayout`);
      check(Number.isInteger(g.textVisibleOnPage) && Array.isArray(g.clippedCopyOnPages) && JSON.stringify([g.textVisibleOnPage, ...g.clippedCopyOnPages].sort()) === JSON.stringify(span.sort()), `${r.file}: cut group ${g.municipality}: textVisibleOnPage + clippedCopyOnPages must be the pages it spans (${span})`);
    }
    if (r.mergeMunicipality) check(cg.length > 0, `${r.file}: a merged rendering must cut at least one group`);
    check(r.cellPaddingMm > 0 && r.font.linePitchEm > 0 && r.scalePercent > 0, `${r.file}: cellPaddingMm, font.linePitchEm and scalePercent are required`);
    // the table must fit the printable width, or LibreOffice spills columns onto extra pages
    for (const t of truth.tables) {
      const w = t.columns.reduce((s, c) => s + (r.columnWidthsMm[t.name][c.key] ?? 0), 0) * (r.scalePercent ?? 100) / 100;
      const avail = r.paper.widthMm - r.marginsMm.left - r.marginsMm.right;
      check(w <= avail, `${r.file}: ${t.name} is ${w.toFixed(1)} mm wide after scaling, the page has ${avail} mm`);
    }
    // every planned page must fit the printable height, or LibreOffice adds its own page breaks
    {
      const avail = r.paper.heightMm - r.marginsMm.top - r.marginsMm.bottom;
      const used = [];
      for (const pl of r.pageLayout) {
        const model = sheetModel(r, printedTables(r).find((x) => x.name === pl.table));
        const h = model.rows.reduce((s, row, ri) => {
          const on = (pl.header && ri < 4) || (row.kind === 'data' && row.no >= pl.rows[0] && row.no <= pl.rows[1]) || (pl.total && ['total', 'blank', 'note'].includes(row.kind));
          return s + (on ? row.heightMm : 0);
        }, 0) * r.scalePercent / 100;
        used.push(`p${pl.page} ${h.toFixed(0)}/${avail}mm`);
        check(h <= avail - 2, `${r.file} p${pl.page}: planned content is ${h.toFixed(1)} mm high, the page has ${avail} mm`);
      }
      log(`  planned heights: ${used.join(', ')}`);
    }
    bail(`the layout of ${r.file}`);

    const fods = join(SAMPLES, r.fods);
    writeFileSync(fods, buildFods(r));
    bail(`writing ${r.fods}`);
    const pdf = join(SAMPLES, r.file);
    rmSync(pdf, { force: true });
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', SAMPLES, fods], { stdio: ['ignore', 'pipe', 'pipe'] });
    check(existsSync(pdf), `${r.file}: soffice did not write the PDF`);
    bail(`converting ${r.fods}`);
    verifyPdf(r, pdf);
    bail(`checking ${r.file}`);
    log(`  ${r.pages} pages: ${r.pageLayout.map((p) => `p${p.page} ${p.table} ${p.rows[0]}–${p.rows[1]}${p.total ? '+合計+注' : ''}`).join(', ')} ✓`);
    if (!KEEP_FODS) rmSync(fods);
  }
  for (const r of truth.renderings) {
    if (!r.derivedFrom || !selected(r)) continue;
    const base = truth.renderings.find((x) => x.file === r.derivedFrom);
    const src = join(SAMPLES, base.file);
    const out = join(SAMPLES, r.file);
    rmSync(out, { force: true });
    const e = r.encryption;
    check(e.method === 'AES-256', `${r.file}: only AES-256 is implemented`);
    bail(`the encryption spec of ${r.file}`);
    log(`\n${r.file}: ${base.file} encrypted with qpdf (AES-256)`);
    run('qpdf', ['--encrypt', e.userPassword, e.ownerPassword, '256', '--', src, out]);
    // requires a password; opens with either; AES-256 (R6)
    let opensWithout;
    try {
      run('qpdf', ['--requires-password', out]); // exit 0: a password is required
      opensWithout = false;
    } catch {
      opensWithout = true; // exit 2: not encrypted, 3: encrypted but opens without a password
    }
    check(!opensWithout, `${r.file}: qpdf says it does not require a password`);
    const show = run('qpdf', [`--password=${e.userPassword}`, '--show-encryption', out]);
    check(/R = 6/.test(show) && /AESv3/.test(show), `${r.file}: not AES-256 (R6/AESv3):\n${show}`);
    run('qpdf', [`--password=${e.ownerPassword}`, '--check', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    check(r.pages === base.pages && JSON.stringify(r.pageLayout) === JSON.stringify(base.pageLayout), `${r.file}: pages/pageLayout must equal ${base.file}'s`);
    verifyPdf({ ...base, ...r }, out, e.userPassword);
    bail(`checking ${r.file}`);
    log(`  requires a password ✓, AES-256 ✓, ${r.pages} pages with the user password ✓`);
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
}
bail('the build');
log('\nAll samples built and checked.');
