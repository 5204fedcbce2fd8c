#!/usr/bin/env node
// Builds samples/budget-r6-book*.{fods,pdf} and samples/budget-r6-book.truth.json: the whole
// book of the fictional みなみ村 (made up, as in budget-r6): 第1表 歳入歳出予算 (歳入, 歳出) and
// the 歳入 / 歳出 事項別明細書 (款 and 項 over each block, 目 with 本年度 / 前年度 / 比較, the four
// 財源 columns of 歳出, 節 区分 and 金額, 説明 lines with amounts, a 計 row closing each 項),
// amounts in 千円, printed from a spreadsheet by LibreOffice. One book, printed in the
// layouts printers use:
//
//   budget-r6-book.pdf           A4 landscape, 目 and its 節 and 説明 on the same page
//   budget-r6-book-mistyped.pdf  the same with one printed amount changed (see MISTYPE)
//   budget-r6-book-a3.pdf        A3 landscape sheets carrying two of those pages side by side
//   budget-r6-book-facing.pdf    目 and its amounts on the left page, 節 and 説明 on the page
//                                facing it, row for row
//   budget-r6-book-nested.pdf    款, 項 and 目 as nested rows of one 科目 column (1款 / 1項 / 1目,
//                                indented), each with its amounts; 節 and 説明 beside the 目
//
// Every 目 prints the sum of its 節, each 計 the sum of its 目, 歳入合計 = 歳出合計, 比較 =
// 本年度 − 前年度 with △ for less, Σ 財源 = 本年度 (a blank 財源 cell is none). The truth
// lists every 款, 項, 目 (with the page it is printed on), 節 and 説明 line from the data here,
// never from kohyo. Needs soffice (libreoffice-calc-nogui), poppler-utils and
// fonts-ipaexfont; the outputs are committed. Run: node scripts/build-budget-book.mjs

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCellStyle, esc, flatOds, masterPage, printPdf, run, tableStyle, TRIANGLE_NUMBERS } from './lib/office.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'samples');
const NAME = 'budget-r6-book';
const FONT = 'IPAexGothic';
const TITLE = '令和６年度　みなみ村一般会計予算書';

// ---------------------------------------------------------------------------
// the book's data (千円)

// 歳入: 款 → 項 → 目 [no, name, 前年度, 節 [no, name, 金額]]; 説明 = one line per 節.
const REVENUE = [
  [1, '村税', [
    [1, '村民税', [
      [1, '個人', 179850, [[1, '現年課税分', 182340], [2, '滞納繰越分', 1250]]],
      [2, '法人', 23025, [[1, '現年課税分', 24610], [2, '滞納繰越分', 30]]],
    ]],
    [2, '固定資産税', [[1, '固定資産税', 262450, [[1, '現年課税分', 265420], [2, '滞納繰越分', 3850]]]]],
  ]],
  [2, '地方交付税', [[1, '地方交付税', [[1, '地方交付税', 1124000, [[1, '普通交付税', null], [2, '特別交付税', 98000]]]]]]],
  [3, '国庫支出金', [
    [1, '国庫負担金', [[1, '民生費国庫負担金', 151880, [[1, '社会福祉費負担金', 61224], [2, '児童福祉費負担金', 93506]]]]],
    [2, '国庫補助金', [[1, '土木費国庫補助金', 88000, [[1, '道路橋りょう費補助金', 72600]]]]],
  ]],
  [4, '繰越金', [[1, '繰越金', [[1, '繰越金', 20000, [[1, '前年度繰越金', 20000]]]]]]],
  [5, '村債', [[1, '村債', [
    [1, '総務債', 0, [[1, '庁舎整備事業債', 40000]]],
    [2, '土木債', 60300, [[1, '道路整備事業債', 38900]]],
  ]]]],
];

// 歳出: 款 → 項 → 目 [no, name, 前年度, [国県支出金, 地方債, その他] (null = blank), 節 [no, name, 金額],
// 説明 [marker, text, 金額|null]]; 一般財源 = 本年度 − the other three (blank when 0).
const EXPENDITURE = [
  [1, '議会費', [[1, '議会費', [
    [1, '議会費', 61950, [null, null, null], [[1, '報酬', 38400], [3, '職員手当等', 9870], [4, '共済費', 7240], [10, '需用費', 1908], [18, '負担金、補助及び交付金', 5000]],
      [['○', '議会運営費', 62418], ['', '議員報酬', 38400], ['', '議長会負担金', 5000]]],
  ]]]],
  [2, '総務費', [
    [1, '総務管理費', [
      [1, '一般管理費', 279884, [null, null, 1520], [[1, '報酬', 12080], [2, '給料', 142300], [3, '職員手当等', 81650], [4, '共済費', 39200], [11, '役務費', 10000]],
        [['○', '職員人件費', 263150], ['○', '一般管理事務費', 22080], ['', '庁舎電話料', 3400]]],
      [2, '企画費', 52310, [30000, 40000, null], [[12, '委託料', 24560], [14, '工事請負費', 50000]],
        [['○', '庁舎整備事業費', 74560], ['', '設計監理委託料', 24560], ['', '庁舎改修工事費', 50000]]],
    ]],
    [2, '徴税費', [
      [1, '賦課徴収費', 16012, [420, null, null], [[11, '役務費', 4210], [12, '委託料', 11120]],
        [['○', '賦課徴収事務費', 15330]]],
    ]],
  ]],
  [3, '民生費', [[1, '社会福祉費', [
    [1, '社会福祉総務費', 305118, [122448, null, 8300], [[19, '扶助費', 244896], [20, '貸付金', 8300], [28, '繰出金', 65256]],
      [['○', '障害者自立支援給付費', 244896], ['', '介護給付費', 180000], ['', '訓練等給付費', 64896], ['○', '国保特別会計繰出金', 65256], ['○', '生活福祉資金貸付金', 8300]]],
    [2, '児童福祉費', 190442, [187012, null, null], [[19, '扶助費', 187012]],
      [['○', '児童手当', 187012]]],
  ]]]],
  [4, '土木費', [[1, '道路橋梁費', [
    [1, '道路新設改良費', 150000, [72600, 38900, null], [[12, '委託料', 15000], [14, '工事請負費', 121000], [16, '公有財産購入費', 9000]],
      [['○', '村道改良事業費', 145000], ['', '村道東線改良工事', 121000], ['', '用地購入費', 9000]]],
  ]]]],
  [5, '公債費', [[1, '公債費', [
    [1, '元金', 249500, [null, null, null], [[22, '償還金、利子及び割引料', 256000]], [['○', '長期債元金償還金', 256000]]],
    [2, '利子', 9941, [null, null, null], [[22, '償還金、利子及び割引料', 8732]], [['○', '長期債利子償還金', 8732]]],
  ]]]],
  [6, '予備費', [[1, '予備費', [[1, '予備費', 10000, [null, null, null], [], []]]]]],
];

/** The one printed amount the mistyped copy changes (a transposition: 285,230 → 285,320). */
const MISTYPE = { side: '歳出', kan: 2, kou: 1, moku: 1, column: '本年度', printed: '285,320' };

const fmt = (n) => (n < 0 ? '△' : '') + Math.abs(n).toLocaleString('en-US');
const sum = (xs) => xs.reduce((s, x) => s + x, 0);

// The expenditure tree with its sums.
const kanOut = EXPENDITURE.map(([no, name, kous]) => ({
  no, name, kous: kous.map(([kno, kname, mokus]) => ({
    no: kno, name: kname, mokus: mokus.map(([mno, mname, before, src, items, notes]) => {
      const now = sum(items.map((i) => i[2])) || before; // 予備費: no 節, the 目 as budgeted
      const general = now - sum(src.map((s) => s ?? 0));
      return { no: mno, name: mname, now, before, diff: now - before, sources: [...src, general === 0 ? null : general], items: items.map(([n, nm, a]) => ({ no: n, name: nm, amount: a })), notes: notes.map(([m, t, a]) => ({ marker: m, text: t, amount: a })) };
    }),
  })),
}));
const totalOut = sum(kanOut.flatMap((k) => k.kous.flatMap((q) => q.mokus.map((m) => m.now))));
// Revenue: the one null 節 (普通交付税) balances the book.
const revKnown = sum(REVENUE.flatMap(([, , kous]) => kous.flatMap(([, , mokus]) => mokus.flatMap(([, , , items]) => items.map((i) => i[2] ?? 0)))));
const kanIn = REVENUE.map(([no, name, kous]) => ({
  no, name, kous: kous.map(([kno, kname, mokus]) => ({
    no: kno, name: kname, mokus: mokus.map(([mno, mname, before, items]) => {
      const its = items.map(([n, nm, a]) => ({ no: n, name: nm, amount: a ?? totalOut - revKnown }));
      const now = sum(its.map((i) => i.amount));
      return { no: mno, name: mname, now, before, diff: now - before, sources: null, items: its, notes: its.map((i) => ({ marker: '', text: i.name, amount: i.amount })) };
    }),
  })),
}));
for (const side of [kanIn, kanOut]) {
  for (const k of side) {
    for (const q of k.kous) {
      q.now = sum(q.mokus.map((m) => m.now));
      q.before = sum(q.mokus.map((m) => m.before));
      q.diff = q.now - q.before;
      q.sources = q.mokus[0].sources ? [0, 1, 2, 3].map((i) => sum(q.mokus.map((m) => m.sources[i] ?? 0)) || null) : null;
    }
    k.now = sum(k.kous.map((q) => q.now));
    k.before = sum(k.kous.map((q) => q.before));
    k.diff = k.now - k.before;
    k.sources = k.kous[0].sources ? [0, 1, 2, 3].map((i) => sum(k.kous.map((q) => q.sources[i] ?? 0)) || null) : null;
  }
}
const SIDES = [
  { side: '歳入', label: '１　歳入', kan: kanIn, total: '歳入合計' },
  { side: '歳出', label: '２　歳出', kan: kanOut, total: '歳出合計' },
];

// ---------------------------------------------------------------------------
// checks on the data itself

const failures = [];
const check = (ok, message) => ok || failures.push(message);
check(sum(kanIn.map((k) => k.now)) === sum(kanOut.map((k) => k.now)), '歳入合計 ≠ 歳出合計');
for (const { kan } of SIDES) {
  for (const m of kan.flatMap((k) => k.kous.flatMap((q) => q.mokus))) {
    if (m.items.length) check(sum(m.items.map((i) => i.amount)) === m.now, `${m.name}: Σ 節 ≠ 目`);
    if (m.sources) check(sum(m.sources.map((s) => s ?? 0)) === m.now && m.sources.every((s) => s === null || s > 0), `${m.name}: Σ 財源 ≠ 本年度`);
    for (const n of m.notes.filter((n) => n.marker === '○')) check(n.amount !== null, `${m.name}: ○ line without amount`);
  }
}
check(sum(kanOut.flatMap((k) => k.kous.flatMap((q) => q.mokus.map((m) => m.sources[0] ?? 0)))) === 30000 + 420 + 122448 + 187012 + 72600, '国県支出金');

// ---------------------------------------------------------------------------
// pages as grids of cells: { text, num, align, span: [rows, cols], b: 'tblr' borders, top }

const K_WIDTHS = [50, 70, 40];
const IN_COLS = [
  { w: 42, head: ['目'] }, { w: 24, head: ['本年度'] }, { w: 24, head: ['前年度'] }, { w: 24, head: ['比較'] },
  { w: 44, head: ['節', '区分'] }, { w: 22, head: ['節', '金額'] }, { w: 52, head: ['説明'] }, { w: 22, head: ['説明'] },
];
const OUT_COLS = [
  { w: 30, head: ['目'] }, { w: 18, head: ['本年度'] }, { w: 18, head: ['前年度'] }, { w: 18, head: ['比較'] },
  { w: 17, head: ['本年度予算額の財源内訳', '国県支出金'] }, { w: 17, head: ['本年度予算額の財源内訳', '地方債'] },
  { w: 17, head: ['本年度予算額の財源内訳', 'その他'] }, { w: 17, head: ['本年度予算額の財源内訳', '一般財源'] },
  { w: 42, head: ['節', '区分'] }, { w: 18, head: ['節', '金額'] }, { w: 38, head: ['説明'] }, { w: 17, head: ['説明'] },
];
const ROWS_PER_PAGE = 27;

const cell = (text, o = {}) => ({ text, align: 'start', b: 'tblr', ...o });
const num = (v, o = {}) => (v === null || v === undefined ? cell('', { ...o }) : cell(fmt(v), { num: v, align: 'end', ...o }));
const plain = (text, o = {}) => cell(text, { b: '', ...o });

/** A grid: rows of { at: col → cell }, with merged cells as spans. */
class Grid {
  constructor(widths) {
    this.widths = widths;
    this.rows = [];
  }
  row() {
    this.rows.push(new Map());
    return this.rows.length - 1;
  }
  put(r, c, x) {
    while (this.rows.length <= r + (x.span?.[0] ?? 1) - 1) this.rows.push(new Map());
    this.rows[r].set(c, x);
  }
}

/** 第1表 of one side: 款 | 項 | 金額, 款 rows then their 項, the side's total. */
function firstTable(g, s, withTitle) {
  if (withTitle) {
    g.put(g.row(), 0, plain(TITLE, { bold: true, size: 14, span: [1, 3] }));
    g.row();
    g.put(g.row(), 0, plain('第１表　歳入歳出予算', { bold: true, size: 12, span: [1, 3] }));
  }
  const r0 = g.row();
  g.put(r0, 0, plain(s.label, { bold: true }));
  g.put(r0, 2, plain('（単位：千円）', { align: 'end' }));
  const h = g.row();
  ['款', '項', '金額'].forEach((t, c) => g.put(h, c, cell(t, { align: 'center' })));
  for (const k of s.kan) {
    const r = g.row();
    g.put(r, 0, cell(`${k.no}　${k.name}`));
    g.put(r, 1, cell(''));
    g.put(r, 2, num(k.now));
    for (const q of k.kous) {
      const rq = g.row();
      g.put(rq, 0, cell(''));
      g.put(rq, 1, cell(`${q.no}　${q.name}`));
      g.put(rq, 2, num(q.now));
    }
  }
  const t = g.row();
  g.put(t, 0, cell(s.total, { align: 'center', span: [1, 2] }));
  g.put(t, 2, num(sum(s.kan.map((k) => k.now))));
}

/** The column header of a 明細 table (two rows; a one-row head spans both). */
function detailHeader(g, cols) {
  const r = g.row();
  g.row();
  let c = 0;
  while (c < cols.length) {
    const head = cols[c].head;
    let span = 1;
    while (c + span < cols.length && cols[c + span].head[0] === head[0] && (head.length === 1) === (cols[c + span].head.length === 1) && (head.length === 1 || true)) span++;
    if (head.length === 1) {
      g.put(r, c, cell(head[0], { align: 'center', span: [2, span] }));
    } else {
      g.put(r, c, cell(head[0], { align: 'center', span: [1, span] }));
      for (let k = 0; k < span; k++) g.put(r + 1, c + k, cell(cols[c + k].head[1], { align: 'center' }));
    }
    c += span;
  }
}

/**
 * The rows of one 目: its 目 and amount cells merged over the block, one row per 節 (the
 * last 節 cell stretched over the rest), the 説明 lines stacked in one cell (text and amount
 * in two columns with no rule between). `part` prints only the 目 side ('left'), only the
 * 節 and 説明 side ('right', columns from 0) or both.
 */
function mokuBlock(g, m, cols, printed, part = 'both', label = `${m.no}.${m.name}`, indent = 0) {
  const hasSources = cols.length === OUT_COLS.length;
  const left = hasSources ? 8 : 4;
  const n = Math.max(1, m.items.length, m.notes.length);
  const r0 = g.rows.length;
  for (let i = 0; i < n; i++) g.row();
  const span = [n, 1];
  const at = (c) => (part === 'right' ? c - left : c);
  if (part !== 'right') {
    g.put(r0, 0, cell(label, { span, top: true, indent }));
    const vals = [printed.now ?? fmt(m.now), fmt(m.before), fmt(m.diff)];
    vals.forEach((v, i) => g.put(r0, 1 + i, cell(v, { align: 'end', span, top: true, num: i === 0 ? (printed.now ? null : m.now) : [m.before, m.diff][i - 1] })));
    if (hasSources) m.sources.forEach((v, i) => g.put(r0, 4 + i, num(v, { span, top: true })));
  }
  if (part === 'left') return;
  m.items.forEach((it, i) => {
    const last = i === m.items.length - 1;
    const sp = [last ? n - i : 1, 1];
    g.put(r0 + i, at(left), cell(`${it.no}.${it.name}`, { span: sp, top: true }));
    g.put(r0 + i, at(left + 1), num(it.amount, { span: sp, top: true }));
  });
  if (m.items.length === 0) {
    g.put(r0, at(left), cell('', { span }));
    g.put(r0, at(left + 1), cell('', { span }));
  }
  for (let i = 0; i < n; i++) {
    const note = m.notes[i];
    const b = `${i === 0 ? 't' : ''}${i === n - 1 ? 'b' : ''}`;
    g.put(r0 + i, at(left + 2), cell(note ? `${note.marker ? `${note.marker} ` : '　'}${note.text}` : '', { b: `${b}l` }));
    g.put(r0 + i, at(left + 3), note?.amount == null ? cell('', { b: `${b}r` }) : num(note.amount, { b: `${b}r` }));
  }
}

/** The 計 row of a 項 (its 節 and 説明 cells blank). */
function totalRow(g, q, cols, part = 'both') {
  const hasSources = cols.length === OUT_COLS.length;
  const left = hasSources ? 8 : 4;
  const r = g.row();
  if (part !== 'right') {
    g.put(r, 0, cell('計', { align: 'center' }));
    [q.now, q.before, q.diff].forEach((v, i) => g.put(r, 1 + i, num(v)));
    if (hasSources) q.sources.forEach((v, i) => g.put(r, 4 + i, num(v)));
  }
  if (part === 'left') return;
  const at = (c) => (part === 'right' ? c - left : c);
  g.put(r, at(left), cell(''));
  g.put(r, at(left + 1), cell(''));
  g.put(r, at(left + 2), cell('', { span: [1, 2] }));
}

const rowsOf = (q) => 1 + 1 + sum(q.mokus.map((m) => Math.max(1, m.items.length, m.notes.length))) + 1;

/**
 * The 明細 pages of the book: 項 blocks (款/項 line, table, 計) filled into pages; the first
 * block of a page prints the column header. `split` gives two pages per page, the 目 side
 * and the 節 side ('facing'); `mistype` changes one printed amount.
 */
function detailPages(s, { split = false, mistype = null, first = false } = {}) {
  const cols = s.side === '歳入' ? IN_COLS : OUT_COLS;
  const leftN = cols.length === OUT_COLS.length ? 8 : 4;
  const pages = [];
  let cur = null;
  const where = [];
  const blocks = s.kan.flatMap((k) => k.kous.map((q) => ({ k, q })));
  for (const { k, q } of blocks) {
    if (!cur || cur.used + rowsOf(q) + (cur.blocks ? 1 : 0) > ROWS_PER_PAGE) {
      cur = { used: 2, blocks: 0, parts: split ? [new Grid(cols.slice(0, leftN).map((c) => c.w)), new Grid(cols.slice(leftN).map((c) => c.w))] : [new Grid(cols.map((c) => c.w))] };
      pages.push(cur);
      const g = cur.parts[0];
      if (first && pages.length === 1) {
        g.put(g.row(), 0, plain('歳入歳出予算事項別明細書', { bold: true, size: 12, span: [1, 4] }));
      }
      g.put(g.row(), 0, plain(s.label, { bold: true, span: [1, 2] }));
      for (const p of cur.parts.slice(1)) { p.row(); if (first && pages.length === 1) p.row(); }
    }
    const [g, h] = cur.parts;
    if (cur.blocks > 0) { g.row(); h?.row(); }
    const lr = g.row();
    g.put(lr, 0, plain(`款　${k.no}.${k.name}`, { span: [1, 3] }));
    g.put(lr, 3, plain(`項　${q.no}.${q.name}`, { span: [1, Math.max(1, Math.min(3, g.widths.length - 3 - (split ? 0 : 2)))] }));
    if (!split) g.put(lr, cols.length - 2, plain('（単位：千円）', { align: 'end', span: [1, 2] }));
    if (h) { const hr = h.row(); h.put(hr, h.widths.length - 2, plain('（単位：千円）', { align: 'end', span: [1, 2] })); }
    if (cur.blocks === 0) {
      if (split) { detailHeader(g, cols.slice(0, leftN)); detailHeader(h, cols.slice(leftN)); } else detailHeader(g, cols);
    }
    for (const m of q.mokus) {
      const isMistyped = mistype && s.side === mistype.side && k.no === mistype.kan && q.no === mistype.kou && m.no === mistype.moku;
      const printed = isMistyped ? { now: mistype.printed } : {};
      where.push({ kan: k.no, kou: q.no, moku: m.no, page: pages.length });
      if (split) { mokuBlock(g, m, cols, printed, 'left'); mokuBlock(h, m, cols, printed, 'right'); } else mokuBlock(g, m, cols, printed);
    }
    if (split) { totalRow(g, q, cols, 'left'); totalRow(h, q, cols, 'right'); } else totalRow(g, q, cols);
    cur.used += rowsOf(q) + (cur.blocks ? 1 : 0);
    cur.blocks++;
  }
  return { pages: pages.flatMap((p) => p.parts), where: where.map((w) => ({ ...w, page: split ? 2 * w.page - 1 : w.page })) };
}

/**
 * The 明細 with 款, 項 and 目 as rows of one 科目 column, each with its own amounts (and
 * 財源), indented a step a level: 1款 / 1項 / 1目; the 節 and 説明 beside each 目; no 計 rows
 * (the 項 row is the 項's total) and no 款/項 line over the table.
 */
function nestedPages(s, { first = false } = {}) {
  const cols = (s.side === '歳入' ? IN_COLS : OUT_COLS).map((c, i) => (i === 0 ? { ...c, w: c.w + 8, head: ['科目'] } : c));
  const hasSources = s.side === '歳出';
  const pages = [];
  const where = [];
  let g = null;
  let used = 0;
  const row = (label, x, indent) => {
    const r = g.row();
    g.put(r, 0, cell(label, { indent }));
    [x.now, x.before, x.diff].forEach((v, i) => g.put(r, 1 + i, num(v)));
    if (hasSources) x.sources.forEach((v, i) => g.put(r, 4 + i, num(v)));
    const left = hasSources ? 8 : 4;
    g.put(r, left, cell(''));
    g.put(r, left + 1, cell(''));
    g.put(r, left + 2, cell('', { span: [1, 2] }));
  };
  for (const k of s.kan) {
    const need = 1 + sum(k.kous.map((q) => 1 + sum(q.mokus.map((m) => Math.max(1, m.items.length, m.notes.length)))));
    if (!g || used + need > ROWS_PER_PAGE) {
      g = new Grid(cols.map((c) => c.w));
      pages.push(g);
      if (first && pages.length === 1) g.put(g.row(), 0, plain('歳入歳出予算事項別明細書', { bold: true, size: 12, span: [1, 4] }));
      const r = g.row();
      g.put(r, 0, plain(s.label, { bold: true, span: [1, 2] }));
      g.put(r, cols.length - 2, plain('（単位：千円）', { align: 'end', span: [1, 2] }));
      detailHeader(g, cols);
      used = 3;
    }
    row(`${k.no}款　${k.name}`, { ...k, sources: k.sources }, 0);
    for (const q of k.kous) {
      row(`${q.no}項　${q.name}`, q.total ?? q, 1);
      for (const m of q.mokus) {
        where.push({ kan: k.no, kou: q.no, moku: m.no, page: pages.length });
        mokuBlock(g, m, cols, {}, 'both', `${m.no}目　${m.name}`, 2);
      }
    }
    used += need;
  }
  return { pages, where };
}

/** The book in one layout: its sheets (grids with a page format) and where each 目 is printed. */
function book({ layout, mistype = null }) {
  const split = layout === 'facing';
  const pages = [];
  for (const [i, s] of SIDES.entries()) {
    const g = new Grid(K_WIDTHS);
    firstTable(g, s, i === 0);
    pages.push({ grid: g, format: 'a4p' });
  }
  const where = [];
  for (const [i, s] of SIDES.entries()) {
    const d = layout === 'nested' ? nestedPages(s, { first: i === 0 }) : detailPages(s, { split, mistype, first: i === 0 });
    for (const w of d.where) where.push({ side: s.side, ...w, page: w.page + pages.length });
    pages.push(...d.pages.map((grid) => ({ grid, format: 'a4l' })));
  }
  if (layout !== 'a3') return { sheets: pages, where };
  // A3: two printed pages side by side on one landscape sheet (the 第1表 pair, then 明細 pairs).
  const sheets = [];
  const a3where = where.map((w) => ({ ...w, sheet: Math.ceil(w.page / 2), half: w.page % 2 ? 'left' : 'right' }));
  for (let i = 0; i < pages.length; i += 2) sheets.push({ grid: sideBySide(pages[i].grid, pages[i + 1]?.grid ?? new Grid([10])), format: 'a3l' });
  return { sheets, where: a3where };
}

/** Two grids as one: left, padded to a printed page's width, a gap column, right; rows padded. */
function sideBySide(a, b) {
  const PAGE_MM = 272;
  const pad = PAGE_MM - sum(a.widths);
  const g = new Grid([...a.widths, pad + 10, ...b.widths]);
  const n = Math.max(a.rows.length, b.rows.length);
  for (let r = 0; r < n; r++) {
    g.row();
    for (const [c, x] of a.rows[r] ?? []) g.put(r, c, x);
    for (const [c, x] of b.rows[r] ?? []) g.put(r, a.widths.length + 1 + c, x);
  }
  return g;
}

// ---------------------------------------------------------------------------
// Flat ODS

const styles = new Map();
function styleOf(x) {
  const key = `${x.align}|${x.b}|${x.bold ? 1 : 0}|${x.size ?? 8}|${x.num !== undefined && x.num !== null ? 1 : 0}|${x.top ? 1 : 0}|${x.indent ?? 0}`;
  if (!styles.has(key)) {
    const name = `ce${styles.size}`;
    const line = (side) => (x.b.includes(side) ? '0.5pt solid #000000' : 'none');
    const size = x.size ?? 8;
    styles.set(key, {
      name,
      xml: `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${x.num !== undefined && x.num !== null ? ' style:data-style-name="N0"' : ''}>` +
        `<style:table-cell-properties style:vertical-align="${x.top ? 'top' : 'middle'}" fo:border-top="${line('t')}" fo:border-bottom="${line('b')}" fo:border-left="${line('l')}" fo:border-right="${line('r')}" fo:padding="0.6mm" fo:wrap-option="no-wrap" style:text-align-source="fix"/>` +
        `<style:paragraph-properties fo:text-align="${x.align}"${x.indent ? ` fo:margin-left="${x.indent * 3.5}mm"` : ''}/>` +
        `<style:text-properties fo:font-size="${size}pt" style:font-size-asian="${size}pt"${x.bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/>` +
        `</style:style>`,
    });
  }
  return styles.get(key).name;
}

function sheetXml(sheet, i) {
  const g = sheet.grid;
  const covered = new Set();
  const cols = g.widths.map((w, c) => `<table:table-column table:style-name="co${i}_${c}"/>`).join('');
  const body = g.rows.map((row, r) => {
    let out = '';
    for (let c = 0; c < g.widths.length; c++) {
      if (covered.has(`${r},${c}`)) { out += '<table:covered-table-cell/>'; continue; }
      const x = row.get(c);
      if (!x) { out += '<table:table-cell/>'; continue; }
      const [rs, cs] = x.span ?? [1, 1];
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) if (dr || dc) covered.add(`${r + dr},${c + dc}`);
      const spans = `${rs > 1 ? ` table:number-rows-spanned="${rs}"` : ''}${cs > 1 ? ` table:number-columns-spanned="${cs}"` : ''}`;
      const value = x.num !== undefined && x.num !== null ? ` office:value-type="float" office:value="${x.num}"` : ' office:value-type="string"';
      out += x.text === '' && !x.b ? '<table:table-cell/>' : `<table:table-cell table:style-name="${styleOf(x)}"${spans}${x.text === '' ? '' : value}>${x.text === '' ? '' : `<text:p>${esc(x.text)}</text:p>`}</table:table-cell>`;
    }
    return `<table:table-row table:style-name="ro">${out}</table:table-row>`;
  });
  return `<table:table table:name="p${i + 1}" table:style-name="ta_${sheet.format}">${cols}\n${body.join('\n')}\n</table:table>`;
}

const FORMATS = {
  a4p: ['210mm', '297mm', 'portrait'],
  a4l: ['297mm', '210mm', 'landscape'],
  a3l: ['420mm', '297mm', 'landscape'],
};

function fods(sheets, title) {
  styles.clear();
  const body = sheets.map(sheetXml).join('\n');
  return flatOds({
    title,
    generator: 'scripts/build-budget-book.mjs',
    font: FONT,
    styles: [...TRIANGLE_NUMBERS, defaultCellStyle(`<style:text-properties style:font-name="${FONT}" style:font-name-asian="${FONT}" fo:font-size="8pt" style:font-size-asian="8pt"/>`)],
    automaticStyles: [
      Object.keys(FORMATS).map((f) => tableStyle(`ta_${f}`, `M_${f}`)).join('\n'),
      '<style:style style:name="ro" style:family="table-row"><style:table-row-properties style:row-height="5.6mm" style:use-optimal-row-height="false"/></style:style>',
      sheets.flatMap((s, i) => s.grid.widths.map((w, c) => `<style:style style:name="co${i}_${c}" style:family="table-column"><style:table-column-properties style:column-width="${w}mm"/></style:style>`)).join('\n'),
      [...styles.values()].map((s) => s.xml).join('\n'),
      Object.entries(FORMATS).map(([f, [w, h, o]]) => `<style:page-layout style:name="pl_${f}"><style:page-layout-properties fo:page-width="${w}" fo:page-height="${h}" style:print-orientation="${o}" fo:margin-top="12mm" fo:margin-bottom="10mm" fo:margin-left="12mm" fo:margin-right="10mm" style:print="objects charts drawings zero-values" style:scale-to="${f === "a3l" ? 68 : 100}%"/><style:header-style/><style:footer-style/></style:page-layout>`).join('\n'),
    ],
    masterStyles: Object.keys(FORMATS).map((f) => masterPage(`M_${f}`, `pl_${f}`)),
    sheets: [body],
  });
}

// ---------------------------------------------------------------------------
// print and check

const VARIANTS = [
  { file: NAME, layout: 'a4' },
  { file: `${NAME}-mistyped`, layout: 'a4', mistype: MISTYPE },
  { file: `${NAME}-a3`, layout: 'a3' },
  { file: `${NAME}-facing`, layout: 'facing' },
  { file: `${NAME}-nested`, layout: 'nested' },
];
const built = {};
if (failures.length === 0) {
  mkdirSync(SAMPLES, { recursive: true });
  for (const v of VARIANTS) {
    const b = book(v);
    built[v.file] = b;
    const fodsFile = join(SAMPLES, `${v.file}.fods`);
    const pdfFile = join(SAMPLES, `${v.file}.pdf`);
    writeFileSync(fodsFile, fods(b.sheets, `${TITLE}（架空${v.layout === 'a4' ? '' : `, ${v.layout}`}${v.mistype ? ', 誤植 1 か所' : ''}）`));
    printPdf(fodsFile, pdfFile, SAMPLES, check);
    if (!existsSync(pdfFile)) continue;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdfFile]))[1]);
    check(pages === b.sheets.length, `${v.file}: ${pages} pages, expected ${b.sheets.length} (one per sheet)`);
    check(/IPAexGothic/.test(run('pdffonts', [pdfFile])), `${v.file}: IPAexGothic not embedded`);
    // Each 目 name printed on the page (sheet) the truth says.
    for (const w of b.where) {
      const side = SIDES.find((s) => s.side === w.side);
      const m = side.kan.find((k) => k.no === w.kan).kous.find((q) => q.no === w.kou).mokus.find((x) => x.no === w.moku);
      const p = String(w.sheet ?? w.page);
      const text = run('pdftotext', ['-layout', '-f', p, '-l', p, '-enc', 'UTF-8', pdfFile, '-']).replace(/\s+/g, '');
      const label = v.layout === 'nested' ? `${m.no}目${m.name}` : `${m.no}.${m.name}`;
      check(text.includes(label), `${v.file} p${p}: 目 ${label} not printed`);
      if (v.layout === 'facing') continue; // its 節 and 説明 are on the next page
      for (const it of m.items) check(text.includes(`${it.no}.${it.name}`), `${v.file} p${p}: 節 ${it.no}.${it.name} not printed whole`);
      for (const n of m.notes) check(text.includes(n.text), `${v.file} p${p}: 説明 ${n.text} not printed whole`);
    }
  }
}
if (failures.length) {
  console.error(`build-budget-book: ${failures.length} check(s) failed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
  process.exit(1);
}

const truth = {
  document: { title: TITLE, municipality: 'みなみ村 (made up)', fiscalYear: 2024, unit: '千円', made: 'scripts/build-budget-book.mjs → FODS → LibreOffice' },
  layouts: Object.fromEntries(VARIANTS.map((v) => [`${v.file}.pdf`, { layout: v.layout, pages: built[v.file].sheets.length, mistype: v.mistype ?? null, where: built[v.file].where }])),
  sides: SIDES.map((s) => ({
    side: s.side, total: { label: s.total, amount: sum(s.kan.map((k) => k.now)) },
    kan: s.kan.map((k) => ({
      no: k.no, name: k.name, amount: k.now,
      kou: k.kous.map((q) => ({
        no: q.no, name: q.name, total: { now: q.now, before: q.before, diff: q.diff, sources: q.sources },
        moku: q.mokus.map((m) => ({ no: m.no, name: m.name, now: m.now, before: m.before, diff: m.diff, sources: m.sources, items: m.items.map((i) => [i.no, i.name, i.amount]), notes: m.notes.map((n, i) => [n.marker === '○' || !m.notes.slice(0, i).some((x) => x.marker === '○') ? 1 : 2, n.text, n.amount]) })),
      })),
    })),
  })),
};
writeFileSync(join(SAMPLES, `${NAME}.truth.json`), JSON.stringify(truth, null, 2) + '\n');
console.log(VARIANTS.map((v) => `${v.file}.pdf: ${built[v.file].sheets.length} pages ✓`).join('\n'));
