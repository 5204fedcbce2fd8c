#!/usr/bin/env node
// Builds the sample guidebook 人材施策ガイドブック（東北経済産業局, 2024年10月末時点) from
// samples/guidebook-tohoku-r6.truth.json, the way such guidebooks are made: slides in a
// presentation program, printed to PDF.
//
//   truth.json --> samples/guidebook-tohoku-r6.fodp (LibreOffice Impress, flat XML: one slide a page,
//                  text frames, filled label boxes, ruled tables, hyperlinks on text)
//              --> soffice --convert-to pdf --> samples/guidebook-tohoku-r6.pdf
//
// Before it builds, it checks the truth against itself: the TOC tiles the content pages, and the
// findings it lists (a TOC title that differs from its page, a wrong weekday, a page without
// 問い合わせ先, counts) are exactly the ones its own data imply. After it builds, every word
// pdftotext finds must lie in the frame the layout put it in and each frame must print exactly its
// text — so overflowing or missing text fails the build. Any failed check exits 1.
// Needs: soffice (libreoffice-impress-nogui), poppler-utils, fonts-noto-cjk. Plain Node ESM, built-ins only.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFrames, checks, esc, flatOdp, graphicStyleXml, paragraphStyleXml, printPdf, PT_PER_CM, run, squeeze } from './lib/impress.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'samples');
const truth = JSON.parse(readFileSync(join(SAMPLES, 'guidebook-tohoku-r6.truth.json'), 'utf8'));

const { check, bail } = checks('build-guidebook');

// ---------------------------------------------------------------------------
// text helpers

/** Link markup: [text](url); bare https:// URLs are printed and linked too. */
const LINK = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s)）」、。]+)/g;
/** Pieces of a paragraph: { text, url? }. */
function pieces(s) {
  const out = [];
  let last = 0;
  for (const m of s.matchAll(LINK)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index) });
    out.push(m[1] !== undefined ? { text: m[1], url: m[2] } : { text: m[3], url: m[3] });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last) });
  return out;
}
const plain = (s) => pieces(s).map((p) => p.text).join('');
const links = (s) => pieces(s).filter((p) => p.url);
/** Comparison form of a title: widths folded, spaces out (the same fold kohyo's check documents). */
const fold = (s) => squeeze(String(s).normalize('NFKC')).replace(/^[>＞]/, '');
const WEEKDAYS = '日月火水木金土';

// ---------------------------------------------------------------------------
// 1. the truth checks itself

const categories = truth.categories.map((c) => c.key);
const entries = truth.toc.chapters.flatMap((ch) =>
  ch.rows.map((r) => {
    const [from, to] = r.pages.split('-').map(Number);
    return { ...r, chapter: ch, from, to: to ?? from, caseStudy: /^[＞>]/.test(r.programme), name: r.programme.replace(/\n/g, '') };
  }),
);
const pageOf = new Map(truth.pages.map((p) => [p.page, p]));
const firstContent = truth.toc.pages.at(-1) + 1;
check(truth.pages.length === truth.pageCount - firstContent + 1, `pages ${firstContent}..${truth.pageCount} expected, ${truth.pages.length} listed`);
truth.pages.forEach((p, i) => check(p.page === firstContent + i, `page ${p.page} out of order`));
// the TOC tiles the content pages
let next = firstContent;
for (const e of entries) {
  check(e.from === next, `TOC "${e.name}" starts on ${e.from}, expected ${next} (gap or overlap)`);
  check(e.to >= e.from, `TOC "${e.name}" range ${e.pages} is reversed`);
  for (const c of e.categories) check(categories.includes(c), `TOC "${e.name}": unknown category ${c}`);
  next = e.to + 1;
}
check(next === truth.pageCount + 1, `TOC ends on ${next - 1}, the document on ${truth.pageCount}`);

// The findings the data imply, computed here from the source data alone.
const implied = [];
for (const e of entries) {
  const first = pageOf.get(e.from);
  if (!first) continue;
  const tocName = e.name.replace(/^[＞>]/, '');
  if (fold(tocName) !== fold(first.title)) implied.push({ rule: 'toc/title', page: e.from, toc: tocName, printed: first.title });
  if (first.tag && fold(first.tag) !== fold(e.need) && fold(first.tag) !== fold(e.chapter.name)) {
    implied.push({ rule: 'toc/need', page: e.from, toc: e.need, printed: first.tag });
  }
  const pages = Array.from({ length: e.to - e.from + 1 }, (_, i) => pageOf.get(e.from + i));
  if (!e.caseStudy && !pages.some((p) => p?.contact)) implied.push({ rule: 'page/contact', page: e.from });
}
const key = (f) => `${f.rule} p${f.page} ${f.toc ?? ''}|${f.printed ?? ''}`;
for (const p of truth.pages) {
  const text = pageText(p);
  // facts: each printed as many times as listed; weekdays as stated
  const counts = new Map();
  for (const f of p.facts) counts.set(f.text, (counts.get(f.text) ?? 0) + 1);
  for (const [t, n] of counts) {
    const found = text.split(t).length - 1;
    check(found >= n, `p${p.page}: fact "${t}" listed ${n}×, printed ${found}×`);
  }
  for (const f of p.facts) {
    const printed = [...f.text.matchAll(/[(（]([日月火水木金土])[)）]/g)].map((m) => m[1]);
    if (printed.length === 0) {
      check(f.weekday === undefined, `p${p.page}: "${f.text}" has no printed weekday but says weekday ${f.weekday}`);
      continue;
    }
    const days = [f.iso, f.end].filter(Boolean).slice(0, printed.length);
    const ok = days.every((iso, i) => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] === printed[i]);
    check((f.weekday === 'ok') === ok, `p${p.page}: "${f.text}" weekday is ${ok ? 'right' : 'wrong'}, truth says ${f.weekday}`);
    if (!ok) implied.push({ rule: 'date/weekday', page: p.page, printed: f.text });
  }
  for (const c of p.counts ?? []) {
    const stated = Number(/\d+/.exec(c.text.normalize('NFKC'))[0]);
    check(stated === c.stated, `p${p.page}: count "${c.text}" states ${stated}, truth says ${c.stated}`);
    const listed = c.text.startsWith('（')
      ? text.slice(0, text.indexOf(c.text)).split('\n').at(-1).split('、').length
      : text.slice(text.indexOf(c.text)).split('\n').filter((l) => /コース$/.test(l.trim())).length;
    check(listed === c.listed, `p${p.page}: count "${c.text}": ${listed} items listed, truth says ${c.listed}`);
    check((c.stated === c.listed) || truth.findings.some((f) => f.rule === 'count/stated' && f.page === p.page), `p${p.page}: count mismatch not among the findings`);
  }
  check(!p.contact || p.contact.lines[0].startsWith('○問い合わせ先'), `p${p.page}: contact block must start with ○問い合わせ先`);
}
const listed = new Set(truth.findings.map(key));
const derived = new Set(implied.map(key));
for (const k of derived) check(listed.has(k), `finding implied by the data but not listed: ${k}`);
for (const k of listed) check(derived.has(k), `finding listed but not implied by the data: ${k}`);
bail('the truth checks');

/** A page's printed text (markup removed), lines and table cells separated by newlines. */
function pageText(p) {
  const out = [p.tag ?? '', ...p.titleLines, p.subtitle ?? ''];
  for (const b of p.blocks) {
    if (b.section) out.push(b.section);
    for (const item of b.content) {
      if (typeof item === 'string') out.push(plain(item));
      else for (const row of item.table.rows) for (const c of row) if (c !== null) out.push(plain(typeof c === 'string' ? c : c.text));
    }
  }
  if (p.contact) out.push(...p.contact.lines.map(plain));
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// 2. layout (cm; the page is truth.paper)

const W = truth.paper.widthCm;
const H = truth.paper.heightCm;
const LEFT = 1.0;
const RIGHT = 26.9; // the category tabs sit right of this
const LINE = 1.45; // Noto Sans CJK JP line height in em
const GAP = 0.25;
const em = (ch) => (/[\u1100-\u11FF\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6“”’•▲▼◆☞＊①-⑳]/u.test(ch) ? 1 : 0.6);
/** Lines a paragraph takes in a frame, estimated high (kinsoku and proportional Latin). */
function lineCount(text, widthCm, size) {
  return text.split('\n').reduce((n, para) => {
    const ems = [...para].reduce((s, ch) => s + em(ch), 0);
    return n + Math.max(1, Math.ceil((ems * 1.04 + 1) / ((widthCm * PT_PER_CM) / size)));
  }, 0);
}
const lineHeight = (size) => (size * LINE) / PT_PER_CM;
const textHeight = (paras, widthCm, size, spacing = 0.08) =>
  paras.reduce((h, t) => h + lineCount(plain(t), widthCm, size) * lineHeight(size) + spacing, 0) + 0.05;

/** Every frame on a page: { kind, x, y, w, h, ...content }, in drawing order. */
function layoutProgramme(p, entry) {
  const size = p.size ?? 10.5;
  const frames = [];
  if (p.tag) {
    const w = Math.min(16, ([...p.tag].reduce((s, ch) => s + em(ch), 0) * 11) / PT_PER_CM + 0.8);
    frames.push({ kind: 'tag', x: LEFT, y: 0.5, w, h: 0.75, paras: [p.tag], size: 11 });
  }
  const titleH = p.titleLines.length * lineHeight(20) + 0.1;
  frames.push({ kind: 'title', x: LEFT, y: 1.4, w: RIGHT - LEFT, h: titleH, paras: p.titleLines, size: 20, link: p.titleLink });
  let y = 1.4 + titleH + 0.15;
  if (p.subtitle) {
    frames.push({ kind: 'subtitle', x: LEFT, y, w: RIGHT - LEFT, h: lineHeight(14) + 0.1, paras: [p.subtitle], size: 14 });
    y += lineHeight(14) + 0.3;
  }
  y += 0.2;
  // category tabs (the seed prints all three on every page; the entry's are filled)
  truth.categories.forEach((c, i) => {
    frames.push({ kind: 'tab', x: 27.45, y: 2.6 + i * 5.7, w: 0.9, h: 5.4, chars: [...c.sidebar], size: 11, active: entry.categories.includes(c.key) });
  });
  frames.push({ kind: 'pageno', x: 26.9, y: 20.1, w: 1.6, h: 0.6, paras: [p.printed], size: 11 });

  const contactSize = Math.min(size, 10.5);
  const contactH = p.contact ? textHeight(p.contact.lines, RIGHT - LEFT - 1, contactSize, 0.02) : 0;
  const bottom = p.contact?.place === 'bottom' ? H - 0.6 - contactH - 0.3 : H - 0.9;

  // blocks: full width, or a group of left/right columns side by side
  const cols = { full: [LEFT, RIGHT] };
  let colY = null;
  const flush = () => {
    if (colY) y = Math.max(colY.left, colY.right) + GAP;
    colY = null;
  };
  for (const b of p.blocks) {
    const column = b.column ?? 'full';
    if (column === 'full') flush();
    else if (!colY) {
      const split = b.split ?? 0.5;
      const mid = LEFT + (RIGHT - LEFT) * split;
      cols.left = [LEFT, mid - 0.4];
      cols.right = [mid + 0.4, RIGHT];
      colY = { left: y, right: y };
    }
    const [x0, x1] = cols[column];
    let by = column === 'full' ? y : colY[column];
    let cx = x0;
    if (b.section) {
      frames.push({ kind: 'label', x: x0, y: by, w: 2.3, h: 0.7, paras: [b.section], size: 11 });
      if (b.layout === 'inline') cx = x0 + 2.6;
      else by += 0.85;
    }
    const start = by;
    let paras = [];
    const flushParas = () => {
      if (!paras.length) return;
      const h = textHeight(paras, x1 - cx, size);
      frames.push({ kind: 'text', x: cx, y: by, w: x1 - cx, h, paras, size });
      by += h + 0.12;
      paras = [];
    };
    for (const item of b.content) {
      if (typeof item === 'string') {
        paras.push(item);
        continue;
      }
      flushParas();
      const t = item.table;
      const rows = tableRowHeights(t);
      const h = rows.reduce((s, r) => s + r, 0);
      frames.push({ kind: 'table', x: cx, y: by, w: t.widths.reduce((s, w) => s + w, 0), h, table: t, rowHeights: rows });
      by += h + 0.2;
    }
    flushParas();
    const end = Math.max(by, b.section ? start + 0.7 : by);
    if (column === 'full') y = end + GAP;
    else colY[column] = end + GAP;
  }
  if (p.contact?.place === 'right') {
    const [x0, x1] = cols.right;
    const h = textHeight(p.contact.lines, x1 - x0, contactSize, 0.02);
    frames.push({ kind: 'contact', x: x0, y: colY.right, w: x1 - x0, h, paras: p.contact.lines, size: contactSize });
    colY.right += h + GAP;
  }
  flush();
  if (p.contact?.place === 'bottom') {
    frames.push({ kind: 'contact', x: LEFT, y: H - 0.6 - contactH, w: RIGHT - LEFT - 1, h: contactH, paras: p.contact.lines, size: contactSize });
  }
  check(y - GAP <= bottom + 0.01, `p${p.page}: content ends at ${(y - GAP).toFixed(2)} cm, below the ${bottom.toFixed(2)} cm it may use`);
  return frames;
}

/** Row heights (cm) of a table: the tallest cell of each row, spanning cells shared out. */
function tableRowHeights(t) {
  const pad = 0.1;
  const heights = t.rows.map(() => lineHeight(t.size) + 2 * pad);
  const span = [];
  t.rows.forEach((row, ri) =>
    row.forEach((c, ci) => {
      if (c === null) return;
      const cell = typeof c === 'string' ? { text: c } : c;
      const w = t.widths.slice(ci, ci + (cell.colSpan ?? 1)).reduce((s, x) => s + x, 0) - 2 * pad - 0.05;
      const need = lineCount(plain(cell.text), w, t.size) * lineHeight(t.size) + 2 * pad + 0.05;
      if ((cell.rowSpan ?? 1) === 1) heights[ri] = Math.max(heights[ri], need);
      else span.push({ ri, n: cell.rowSpan, need });
    }),
  );
  for (const s of span) {
    const have = heights.slice(s.ri, s.ri + s.n).reduce((a, b) => a + b, 0);
    if (have < s.need) for (let i = 0; i < s.n; i++) heights[s.ri + i] += (s.need - have) / s.n;
  }
  return heights;
}

function layoutCover() {
  const c = truth.cover;
  return [
    { kind: 'cover-title', x: 2, y: 5.2, w: W - 4, h: lineHeight(40) + 0.2, paras: [c.title], size: 40, align: 'center' },
    { kind: 'cover-text', x: 2, y: 8.4, w: W - 4, h: lineHeight(18) + 0.1, paras: [c.asOf], size: 18, align: 'center' },
    { kind: 'cover-text', x: 2, y: 11.2, w: W - 4, h: textHeight(c.publisher, W - 4, 18, 0), paras: c.publisher, size: 18, align: 'center' },
    { kind: 'cover-text', x: 3, y: 16.6, w: W - 6, h: textHeight(c.notes, W - 6, 11, 0.02), paras: c.notes, size: 11 },
  ];
}

/** The TOC: one ruled table per chapter; the need cell spans the rows that share it. */
const TOC_WIDTHS = [7.4, 11.4, 1.75, 1.75, 1.75, 1.85];
function layoutToc(page) {
  const frames = [{ kind: 'title', x: LEFT, y: 0.6, w: 10, h: lineHeight(22) + 0.1, paras: ['目次'], size: 22 }];
  let y = 2.0;
  for (const ch of truth.toc.chapters.filter((c) => c.tocPage === page)) {
    const rows = [[{ text: `${ch.printedNo} ${ch.name}`, colSpan: 2, head: true }, null, ...truth.categories.map((c) => ({ text: c.header, head: true })), { text: '', head: true }]];
    ch.rows.forEach((r, i) => {
      let span = 1;
      while (ch.rows[i + span]?.need === r.need) span++;
      const first = i === 0 || ch.rows[i - 1].need !== r.need;
      rows.push([
        first ? { text: r.need, rowSpan: span } : null,
        r.programme,
        ...categories.map((c) => ({ text: r.categories.includes(c) ? '●' : '', center: true })),
        { text: r.pages, center: true },
      ]);
    });
    const table = { widths: TOC_WIDTHS, header: 1, size: 10, rows, toc: true };
    // LibreOffice grows rows that share a spanning cell beyond their content; generous minimums keep them as set.
    const heights = tableRowHeights(table).map((h, i) => Math.max(h, i === 0 ? 1.05 : 0.95));
    const h = heights.reduce((s, x) => s + x, 0);
    frames.push({ kind: 'table', x: LEFT, y, w: TOC_WIDTHS.reduce((s, w) => s + w, 0), h, table, rowHeights: heights });
    y += h + 0.45;
  }
  check(y <= H - 0.8, `TOC page ${page}: tables end at ${y.toFixed(2)} cm`);
  return frames;
}

// ---------------------------------------------------------------------------
// 3. flat ODP

const FONT = truth.font;
const styles = new Map(); // name -> xml
function paraStyle(size, { bold = false, color = '#000000', align = 'start', after = 0.08 } = {}) {
  const name = `P${String(size).replace('.', '_')}${bold ? 'b' : ''}${color.slice(1)}${align[0]}${String(after).replace('.', '_')}`;
  if (!styles.has(name)) styles.set(name, paragraphStyleXml(name, FONT, { size, bold, color, align, after }));
  return name;
}
function graphicStyle(name, { fill = 'none', stroke = 'none', valign = 'top', pad = 0 } = {}) {
  if (!styles.has(name)) styles.set(name, graphicStyleXml(name, { fill, stroke, valign, pad }));
  return name;
}

const span = (s) =>
  pieces(s)
    .map((p) => (p.url ? `<text:a xlink:type="simple" xlink:href="${esc(p.url)}">${esc(p.text)}</text:a>` : esc(p.text)))
    .join('')
    .replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`);
const para = (s, style) => `<text:p text:style-name="${style}">${span(s)}</text:p>`;
const cm = (v) => `${v.toFixed(3)}cm`;
const frameAttrs = (f, style) => `draw:style-name="${style}" svg:x="${cm(f.x)}" svg:y="${cm(f.y)}" svg:width="${cm(f.w)}" svg:height="${cm(f.h)}"`;

const NAVY = '#1f3864';
function frameXml(f) {
  switch (f.kind) {
    case 'tag':
      return `<draw:frame ${frameAttrs(f, graphicStyle('grTag', { fill: '#c55a11', valign: 'middle', pad: 0.1 }))}><draw:text-box>${para(f.paras[0], paraStyle(11, { bold: true, color: '#ffffff', align: 'center', after: 0 }))}</draw:text-box></draw:frame>`;
    case 'label':
      return `<draw:frame ${frameAttrs(f, graphicStyle('grLabel', { fill: NAVY, valign: 'middle', pad: 0.05 }))}><draw:text-box>${para(f.paras[0], paraStyle(11, { bold: true, color: '#ffffff', align: 'center', after: 0 }))}</draw:text-box></draw:frame>`;
    case 'tab': {
      const style = graphicStyle(f.active ? 'grTabOn' : 'grTabOff', { fill: f.active ? '#2e75b6' : '#e7e6e6', valign: 'middle', pad: 0 });
      const p = paraStyle(11, { bold: true, color: f.active ? '#ffffff' : '#7f7f7f', align: 'center', after: 0 });
      return `<draw:frame ${frameAttrs(f, style)}><draw:text-box><text:p text:style-name="${p}">${f.chars.map(esc).join('<text:line-break/>')}</text:p></draw:text-box></draw:frame>`;
    }
    case 'title': {
      const p = paraStyle(f.size, { bold: true, color: NAVY, after: 0 });
      const lines = f.paras.map((t, i) => (i === 0 && f.link ? `[${t}](${f.link})` : t));
      return `<draw:frame ${frameAttrs(f, graphicStyle('grText'))}><draw:text-box>${lines.map((t) => para(t, p)).join('')}</draw:text-box></draw:frame>`;
    }
    case 'subtitle':
      return `<draw:frame ${frameAttrs(f, graphicStyle('grText'))}><draw:text-box>${para(f.paras[0], paraStyle(14, { bold: true, color: '#2e75b6', after: 0 }))}</draw:text-box></draw:frame>`;
    case 'pageno':
      return `<draw:frame ${frameAttrs(f, graphicStyle('grText'))}><draw:text-box>${para(f.paras[0], paraStyle(11, { align: 'end', after: 0 }))}</draw:text-box></draw:frame>`;
    case 'contact': {
      const p = paraStyle(f.size, { after: 0.02 });
      return `<draw:frame ${frameAttrs(f, graphicStyle('grText'))}><draw:text-box>${f.paras.map((t) => para(t, p)).join('')}</draw:text-box></draw:frame>`;
    }
    case 'table':
      return tableXml(f);
    default: {
      const p = paraStyle(f.size, { bold: f.kind === 'cover-title', color: f.kind === 'cover-title' ? NAVY : '#000000', align: f.align ?? 'start', after: f.kind.startsWith('cover') ? 0 : 0.08 });
      return `<draw:frame ${frameAttrs(f, graphicStyle('grText'))}><draw:text-box>${f.paras.map((t) => para(t, p)).join('')}</draw:text-box></draw:frame>`;
    }
  }
}

function tableXml(f) {
  const t = f.table;
  const cols = t.widths
    .map((w) => {
      const name = `co${String(w).replace('.', '_')}`;
      styles.set(name, `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`);
      return `<table:table-column table:style-name="${name}"/>`;
    })
    .join('');
  const cellStyle = (head) => {
    const name = head ? 'ceHead' : 'ceBody';
    styles.set(
      name,
      `<style:style style:name="${name}" style:family="table-cell"><style:graphic-properties draw:fill="${head ? 'solid' : 'none'}"${head ? ' draw:fill-color="#deebf7"' : ''} fo:padding-top="0.1cm" fo:padding-bottom="0.1cm" fo:padding-left="0.1cm" fo:padding-right="0.1cm" draw:textarea-vertical-align="middle"/>` +
        `<style:paragraph-properties fo:border="0.03cm solid #404040"/></style:style>`,
    );
    return name;
  };
  const rows = t.rows
    .map((row, ri) => {
      const rname = `ro${Math.round(f.rowHeights[ri] * 1000)}`;
      styles.set(rname, `<style:style style:name="${rname}" style:family="table-row"><style:table-row-properties style:row-height="${f.rowHeights[ri].toFixed(3)}cm"/></style:style>`);
      const cells = row
        .map((c) => {
          if (c === null) return '<table:covered-table-cell/>';
          const cell = typeof c === 'string' ? { text: c } : c;
          const head = cell.head ?? ri < t.header;
          const p = paraStyle(t.size, { bold: head, align: cell.center || (head && !t.toc) ? 'center' : 'start', after: 0 });
          const spans = `${cell.rowSpan > 1 ? ` table:number-rows-spanned="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` table:number-columns-spanned="${cell.colSpan}"` : ''}`;
          const body = cell.text === '' ? `<text:p text:style-name="${p}"/>` : cell.text.split('\n').map((l) => para(l, p)).join('');
          return `<table:table-cell table:style-name="${cellStyle(head)}"${spans}>${body}</table:table-cell>`;
        })
        .join('');
      return `<table:table-row table:style-name="${rname}">${cells}</table:table-row>`;
    })
    .join('');
  return `<draw:frame draw:style-name="${graphicStyle('grText')}" svg:x="${cm(f.x)}" svg:y="${cm(f.y)}" svg:width="${cm(f.w)}" svg:height="${cm(f.h)}"><table:table>${cols}${rows}</table:table></draw:frame>`;
}

const pagesFrames = [];
pagesFrames.push(layoutCover());
for (const tp of truth.toc.pages) pagesFrames.push(layoutToc(tp));
for (const p of truth.pages) pagesFrames.push(layoutProgramme(p, entries.find((e) => p.page >= e.from && p.page <= e.to)));
bail('layout');

const fodp = flatOdp({ title: truth.cover.title, generator: 'scripts/build-guidebook.mjs', font: FONT, fontSize: 10.5, widthCm: W, heightCm: H, styles: styles.values(), pages: pagesFrames.map((frames) => frames.map(frameXml)) });
const fodpFile = join(SAMPLES, truth.fodp);
writeFileSync(fodpFile, fodp);

// ---------------------------------------------------------------------------
// 4. print and check the PDF

for (const c of ['soffice', 'pdfinfo', 'pdftotext', 'pdffonts']) {
  try {
    execFileSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' });
  } catch {
    check(false, `${c} not found on PATH`);
  }
}
bail('tool checks');
const pdf = join(SAMPLES, truth.file);
printPdf(fodpFile, pdf, SAMPLES, check);
bail('conversion');

const info = run('pdfinfo', ['-f', '1', '-l', '999', pdf]);
const n = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
check(n === truth.pageCount, `${n} pages, truth says ${truth.pageCount}`);
for (const m of info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
  check(Math.abs(+m[2] - W * PT_PER_CM) < 2 && Math.abs(+m[3] - H * PT_PER_CM) < 2, `p${m[1]}: ${m[2]}x${m[3]} pt, expected A4 landscape`);
}
const fonts = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
for (const f of fonts) check(/\byes\s+yes\s+yes\b/.test(f), `font not embedded+subset+ToUnicode: ${f.trim()}`);
check(fonts.some((f) => f.toLowerCase().includes(FONT.replace(/\s/g, '').toLowerCase())), `${FONT} not among the PDF fonts`);

/** The text a frame prints, for comparison with the words found in its box. */
function frameText(f) {
  if (f.kind === 'tab') return f.chars.join('');
  if (f.kind === 'table') return f.table.rows.flat().filter((c) => c !== null).map((c) => plain(typeof c === 'string' ? c : c.text)).join('');
  return f.paras.map(plain).join('');
}
checkFrames(pdf, pagesFrames, frameText, check);
// every link became a link annotation (LibreOffice writes them uncompressed: count the /URI actions)
const expectedLinks = pagesFrames.flat().reduce((s, f) => {
  if (f.kind === 'table') return s + f.table.rows.flat().filter((c) => c !== null).reduce((a, c) => a + links(typeof c === 'string' ? c : c.text).length, 0);
  if (f.kind === 'title') return s + (f.link ? 1 : 0) + f.paras.slice(1).reduce((a, t) => a + links(t).length, 0);
  return s + (f.paras ?? []).reduce((a, t) => a + links(t).length, 0);
}, 0);
const uris = (readFileSync(pdf, 'latin1').match(/\/URI\s*\(/g) ?? []).length;
check(uris >= expectedLinks, `${uris} URI link annotations, expected at least ${expectedLinks} (one per link, more where a link wraps)`);
bail('the PDF checks');
console.log(`build-guidebook: ${pdf.replace(ROOT + '/', '')} (${n} pages, ${expectedLinks} links, ${truth.findings.length} seeded findings) from ${fodpFile.replace(ROOT + '/', '')}`);
