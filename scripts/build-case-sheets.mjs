#!/usr/bin/env node
// Builds the sample deck 地域雇用活性化推進事業のご案内【資料編】 (厚生労働省, 令和5年12月) from
// samples/case-sheets-r5.truth.json, the way such decks are made: slides in a presentation program,
// printed to PDF.
//
//   truth.json --> samples/case-sheets-r5.fodp (LibreOffice Impress, flat XML: a cover, an explanation
//                  page, an index of regions, then one case sheet per region: filled label bands,
//                  bordered boxes, text frames)
//              --> soffice --convert-to pdf --> samples/case-sheets-r5.pdf
//
// The case sheets come in two arrangements (statistics band at the top or at the bottom of the sheet)
// and two typesettings (LibreOffice's space between Asian and Latin text on or off: the gaps of
// "R ４ .1.1" and "1 ５６人"). Before it builds, the truth checks itself (codes carry valid check
// digits, printed numbers read as their values); after, every word pdftotext finds must lie in the
// frame the layout put it in and each frame must print exactly its text, so overflowing or missing
// text fails the build. Any failed check exits 1.
// Needs: soffice (libreoffice-impress-nogui), poppler-utils, fonts-noto-cjk. Plain Node ESM, built-ins only.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFrames, checks, esc, flatOdp, graphicStyleXml, paragraphStyleXml, printPdf, PT_PER_CM, run } from './lib/impress.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'samples');
const truth = JSON.parse(readFileSync(join(SAMPLES, 'case-sheets-r5.truth.json'), 'utf8'));

const { check, bail } = checks('build-case-sheets');
const half = (s) => String(s).normalize('NFKC');

// ---------------------------------------------------------------------------
// 1. the truth checks itself

/** Check digit of a 全国地方公共団体コード (総務省: weights 6,5,4,3,2; 11 - sum mod 11, last digit). */
function checkDigit(code5) {
  const sum = [...code5].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
  const r = sum % 11;
  return (11 - r) % 10;
}
check(truth.cases.length === 10, `${truth.cases.length} cases, the seed has ten`);
truth.cases.forEach((c, i) => {
  check(c.page === 4 + i, `${c.region}: page ${c.page}, expected ${4 + i}`);
  for (const m of c.municipalities) check(/^\d{6}$/.test(m.code) && checkDigit(m.code.slice(0, 5)) === Number(m.code[5]), `${m.name}: code ${m.code} has a wrong check digit`);
  check(c.heading.startsWith(c.prefecture + c.region), `${c.region}: heading "${c.heading}" does not start with prefecture and region`);
  const num = (s) => Number(half(s).replace(/[,人％%\s]/g, ''));
  check(num(c.population.printed) === c.population.value, `${c.region}: population ${c.population.printed} ≠ ${c.population.value}`);
  check(num(c.declineRate.printed) === c.declineRate.value, `${c.region}: decline ${c.declineRate.printed}`);
  check(num(c.agingRate.printed) === c.agingRate.value, `${c.region}: aging ${c.agingRate.printed}`);
  check(num(c.target.printed) === c.target.value, `${c.region}: target ${c.target.printed}`);
  check(c.note.includes(c.statsDate.printed) && c.note.includes(c.declineBase.printed), `${c.region}: note lacks its dates`);
  const splitItems = (s) => half(s).split(/[、\n]/).map((x) => x.trim().replace(/\s*等$/, ''));
  for (const k of ['sectors', 'jobseekers']) {
    if (c.region === '天草地域') continue; // its items hold a 、 inside brackets; listed by line
    check(JSON.stringify(splitItems(c[k].printed)) === JSON.stringify(c[k].items.map(half)), `${c.region}: ${k} items do not match "${c[k].printed}"`);
    check(/等$/.test(c[k].printed) === c[k].etc, `${c.region}: ${k} etc flag`);
  }
});
bail('the truth checks');

// ---------------------------------------------------------------------------
// 2. layout (cm on A4 landscape)

const W = truth.paper.widthCm;
const H = truth.paper.heightCm;
const LINE = 1.5; // Noto Sans CJK JP line height in em, with some slack
const em = (ch) => (/[\u1100-\u11FF\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6“”’・①-⑳《》＜＞※Ⅰ-Ⅻ～×]/u.test(ch) ? 1 : 0.62);
function lineCount(text, widthCm, size) {
  return text.split('\n').reduce((n, para) => {
    const ems = [...para].reduce((s, ch) => s + em(ch), 0);
    return n + Math.max(1, Math.ceil((ems * 1.06 + 1.2) / ((widthCm * PT_PER_CM) / size)));
  }, 0);
}
const lineHeight = (size) => (size * LINE) / PT_PER_CM;
const PAD = 0.12;
const textHeight = (paras, widthCm, size, spacing = 0) => paras.reduce((h, t) => h + lineCount(t, widthCm - 2 * PAD, size) * lineHeight(size) + spacing, 0) + 2 * PAD + 0.05;
/** The largest size from `sizes` at which the paragraphs fit the box. */
function fit(paras, w, h, sizes = [9, 8.5, 8, 7.5, 7, 6.5, 6], spacing = 0) {
  for (const s of sizes) if (textHeight(paras, w, s, spacing) <= h) return s;
  check(false, `text does not fit ${w}×${h} cm even at ${sizes.at(-1)} pt: "${paras.join('').slice(0, 40)}"`);
  return sizes.at(-1);
}

const NAVY = '#1f3864';
const BLUE = '#2e75b6';
const PALE = '#deebf7';
const ORANGE = '#c55a11';

// frame kinds: text (no border), box (bordered, text inside), band (filled, white bold text), cell (pale fill)
const T = (x, y, w, h, paras, size, opt = {}) => ({ kind: 'text', x, y, w, h, paras, size, ...opt });
const BOX = (x, y, w, h, paras, size, opt = {}) => ({ kind: 'box', x, y, w, h, paras, size, ...opt });
const BAND = (x, y, w, h, paras, size, opt = {}) => ({ kind: 'band', x, y, w, h, paras, size, ...opt });
const CELL = (x, y, w, h, paras, size, opt = {}) => ({ kind: 'cell', x, y, w, h, paras, size, ...opt });

/** Space under each item of the A / B / C lists (cm), as slide lists have. */
const ITEM_SPACING = 0.12;
const withEtc = (items, etc) => items.map((t, i) => (etc && i === items.length - 1 ? `${t} 等` : t));

function layoutCase(c) {
  const f = [];
  const auto = c.layout.autospace;
  const L = 1.0;
  const R = W - 1.0;
  f.push(T(R - 1.5, 0.35, 1.5, 0.6, [String(c.page)], 9, { align: 'end' }));
  // heading and title (always at the top)
  f.push(T(L, 0.3, 22, 0.95, [`${c.heading}《 ${c.regionType} 》`], c.heading.length > 24 ? 14 : 16, { bold: true, color: NAVY }));
  const titleSize = c.title.join('').length > 45 ? 11 : 13;
  f.push(BAND(L, 1.35, 3.0, 1.25, ['事業タイトル'], 11, { fill: NAVY }));
  f.push(BOX(L + 3.0, 1.35, R - L - 3.0, 1.25, c.title, titleSize, { bold: true, valign: 'middle' }));
  // the statistics band: label cells and values, then the note
  const stats = (y) => {
    const parts = [
      ['人口(※1)', c.population.printed],
      ['人口減少率(※2)', c.declineRate.printed],
      ['高齢化率(※1)', c.agingRate.printed],
    ];
    const cw = (R - L) / 3;
    parts.forEach(([label, value], i) => {
      f.push(CELL(L + i * cw, y, 3.4, 0.7, [label], 10, { valign: 'middle', autospace: auto }));
      f.push(BOX(L + i * cw + 3.4, y, cw - 3.4, 0.7, [value], 11, { bold: true, valign: 'middle', autospace: auto }));
    });
    f.push(T(L, y + 0.72, R - L, 0.5, [c.note], 7.5, { autospace: auto }));
  };
  const top = c.layout.stats === 'top';
  let y = 2.75;
  if (top) {
    stats(y);
    y += 1.35;
  }
  // 地域の現状・課題 | 事業の全体像
  const midH = top ? 4.9 : 5.1;
  const half = (R - L - 0.4) / 2;
  const situationParas = c.situation.map((s, i) => `${(c.situationMarks ?? [])[i] ?? '・'}${s}`);
  f.push(BAND(L, y, half, 0.55, ['地域の現状・課題'], 10.5, { fill: BLUE }));
  f.push(BAND(L + half + 0.4, y, half, 0.55, ['事業の全体像'], 10.5, { fill: BLUE }));
  f.push(BOX(L, y + 0.55, half, midH, situationParas, fit(situationParas, half, midH), { autospace: auto }));
  f.push(BOX(L + half + 0.4, y + 0.55, half, midH, c.overview, fit(c.overview, half, midH), { autospace: auto }));
  y += 0.55 + midH + 0.2;
  // 具体的な取組内容: A, B, C boxes; target, 重点, map at the right
  f.push(BAND(L, y, 4.2, 0.5, ['具体的な取組内容'], 10, { fill: ORANGE }));
  y += 0.55;
  const abcH = top ? 5.6 : 5.8;
  const colW = 5.75;
  const gap = 0.3;
  const xA = L;
  const xB = L + colW + gap;
  const xC = L + 2 * (colW + gap);
  const boxList = (x, head, tag, items, h, reserved = 0) => {
    f.push(BAND(x, y, colW, 0.8, [head], 8.5, { fill: NAVY }));
    f.push(CELL(x + colW - 2.15, y + 0.85, 2.1, 0.5, [tag], 7.5, { valign: 'middle', align: 'center' }));
    const paras = items;
    f.push(BOX(x, y + 0.8, colW, h - 0.8, paras, fit(paras, colW, h - 1.3 - reserved, [8, 7.5, 7, 6.5, 6], ITEM_SPACING), { topPad: 0.5, spacing: ITEM_SPACING }));
  };
  // A: the items, and a 《伴走型支援》 box inside its lower part
  const acc = withEtc(c.employers.accompanied, c.employers.accompaniedEtc);
  const accH = acc.length ? Math.min(2.3, textHeight(['《伴走型支援》', ...acc], colW - 0.3, 7)) : 0;
  boxList(xA, 'Ａ 事業所の魅力向上、事業拡大の取組', '企業向け', withEtc(c.employers.items, c.employers.etc), abcH, accH ? accH + 0.15 : 0);
  if (accH) {
    f.push(BOX(xA + 0.15, y + abcH - accH - 0.12, colW - 0.3, accH, ['《伴走型支援》', ...acc], fit(['《伴走型支援》', ...acc], colW - 0.3, accH, [7.5, 7, 6.5, 6]), { fill: '#fff2cc' }));
  }
  boxList(xB, 'Ｂ 人材育成の取組', '求職者向け', withEtc(c.training.items, c.training.etc), abcH);
  boxList(xC, 'Ｃ 就職促進の取組', 'マッチング！', withEtc(c.placement.items, c.placement.etc), abcH);
  // right column
  const xr = xC + colW + gap;
  const wr = R - xr;
  f.push(BAND(xr, y, wr, 0.6, ['雇用創出（目標数(3年度計)）'], 9, { fill: ORANGE }));
  f.push(BOX(xr, y + 0.6, wr, 0.8, [c.target.printed], 16, { bold: true, align: 'center', valign: 'middle', autospace: auto }));
  const focus = ['【重点雇用創出分野】', ...c.sectors.printed.split('\n'), '【重点求職者層】', ...c.jobseekers.printed.split('\n')];
  const focusH = abcH - 1.4 - 0.15 - 1.25;
  f.push(BOX(xr, y + 1.55, wr, focusH, focus, fit(focus, wr, focusH, [8.5, 8, 7.5, 7, 6.5]), {}));
  f.push(CELL(xr, y + 1.55 + focusH + 0.1, wr, 1.15, [c.reading, c.label], 8, { align: 'center', valign: 'middle', sizes: [6.5, 11] }));
  y += abcH + 0.2;
  // partners
  const partnersH = top ? H - 0.3 - y : H - 1.65 - y;
  const pw = (R - L - 0.3 * (c.partners.length - 1)) / c.partners.length;
  c.partners.forEach((p, i) => {
    const paras = [p.name, '＜連携できる主な支援＞', ...withEtc(p.supports, p.etc).map((s) => `・${s}`)];
    f.push(BOX(L + i * (pw + 0.3), y, pw, partnersH, paras, fit(paras, pw, partnersH, [8, 7.5, 7, 6.5, 6]), { firstBold: true }));
  });
  if (!top) stats(H - 1.45);
  return f;
}

function layoutCover() {
  const d = truth.document;
  return [
    T(2, 1.6, W - 4, 1.8, [`${d.publisher}`, d.publisher2], 14, { align: 'end' }),
    T(2, 5.2, W - 4, 2.0, [d.title], 30, { bold: true, color: NAVY, align: 'center' }),
    T(2, 7.6, W - 4, 1.0, [d.subtitle], 18, { align: 'center' }),
    T(2, 9.2, W - 4, 1.6, [d.part], 24, { bold: true, align: 'center' }),
    T(2, 12.0, W - 4, 0.9, [d.date.printed], 16, { align: 'center' }),
    BOX(5, 15.5, W - 10, 1.8, [d.note], 11),
  ];
}
function layoutExplanation() {
  const e = truth.explanation;
  const paras = e.paragraphs;
  return [
    BAND(1, 0.8, 12, 0.9, [e.title], 16, { fill: NAVY }),
    T(W - 2.5, 0.35, 1.5, 0.6, ['2'], 9, { align: 'end' }),
    BOX(1.5, 2.4, W - 3, 10, paras, fit(paras, W - 3, 10, [13, 12, 11])),
  ];
}
function layoutIndex() {
  const ix = truth.index;
  const widths = [1.2, 2.4, 4.6, 2.8, 14.6, 1.6];
  const rows = [ix.header, ...truth.cases.map((c, i) => [String(i + 1), c.prefecture, c.region, c.regionType, c.title.join(''), String(c.page)])];
  const frames = [BAND(1, 0.8, 14, 0.9, [ix.title], 15, { fill: NAVY }), T(W - 2.5, 0.35, 1.5, 0.6, ['3'], 9, { align: 'end' })];
  let y = 2.3;
  for (const [ri, row] of rows.entries()) {
    const h = ri === 0 ? 0.8 : 1.25;
    let x = 1;
    row.forEach((cell, ci) => {
      const size = ri === 0 ? 9.5 : ci === 4 ? fit([cell], widths[ci], h, [9, 8, 7.5, 7]) : 9;
      frames.push((ri === 0 ? CELL : BOX)(x, y, widths[ci], h, [cell], size, { valign: 'middle', align: ci === 4 || ci === 2 ? 'start' : 'center', bold: ri === 0 }));
      x += widths[ci];
    });
    y += h;
  }
  return frames;
}

const pages = [layoutCover(), layoutExplanation(), layoutIndex(), ...truth.cases.map(layoutCase)];
check(pages.length === truth.pageCount, `${pages.length} pages laid out, truth says ${truth.pageCount}`);
for (const [i, frames] of pages.entries()) for (const f of frames) check(f.y + f.h <= H + 0.01 && f.x + f.w <= W + 0.01, `p${i + 1}: frame "${(f.paras ?? []).join('').slice(0, 20)}" leaves the page`);
bail('layout');

// ---------------------------------------------------------------------------
// 3. flat ODP

const FONT = truth.font;
const styles = new Map();
function paraStyle(size, { bold = false, color = '#000000', align = 'start', autospace = false, after = 0 } = {}) {
  const name = `P${String(size).replace('.', '_')}${bold ? 'b' : ''}${color.slice(1)}${align[0]}${autospace ? 'a' : 'n'}${String(after).replace('.', '_')}`;
  if (!styles.has(name)) styles.set(name, paragraphStyleXml(name, FONT, { size, bold, color, align, after, autospace }));
  return name;
}
function graphicStyle({ fill = 'none', stroke = 'none', valign = 'top', topPad = PAD }) {
  const name = `gr${fill.replace('#', '')}${stroke.replace('#', '')}${valign[0]}${String(topPad).replace('.', '_')}`;
  if (!styles.has(name)) styles.set(name, graphicStyleXml(name, { fill, stroke, valign, pad: PAD, padTop: topPad }));
  return name;
}
const cm = (v) => `${v.toFixed(3)}cm`;
const textXml = (s) => esc(s).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`);
function frameXml(f) {
  const g =
    f.kind === 'band' ? graphicStyle({ fill: f.fill, valign: 'middle' })
    : f.kind === 'cell' ? graphicStyle({ fill: PALE, stroke: '#404040', valign: f.valign ?? 'top' })
    : f.kind === 'box' ? graphicStyle({ fill: f.fill ?? 'none', stroke: '#404040', valign: f.valign ?? 'top', topPad: f.topPad ?? PAD })
    : graphicStyle({ valign: f.valign ?? 'top' });
  const white = f.kind === 'band';
  const paras = f.paras
    .map((t, i) => {
      const size = f.sizes?.[i] ?? f.size;
      const p = paraStyle(size, { bold: white || f.bold || (f.firstBold && i === 0), color: white ? '#ffffff' : f.color ?? '#000000', align: white ? 'center' : f.align ?? 'start', autospace: f.autospace, after: f.spacing ?? 0 });
      return `<text:p text:style-name="${p}">${textXml(t)}</text:p>`;
    })
    .join('');
  return `<draw:frame draw:style-name="${g}" svg:x="${cm(f.x)}" svg:y="${cm(f.y)}" svg:width="${cm(f.w)}" svg:height="${cm(f.h)}"><draw:text-box>${paras}</draw:text-box></draw:frame>`;
}
const fodp = flatOdp({ title: `${truth.document.title}【資料編】`, generator: 'scripts/build-case-sheets.mjs', font: FONT, fontSize: 10, widthCm: W, heightCm: H, styles: styles.values(), pages: pages.map((frames) => frames.map(frameXml)) });
const fodpFile = join(SAMPLES, truth.fodp);
writeFileSync(fodpFile, fodp);

// ---------------------------------------------------------------------------
// 4. print and check the PDF

const pdf = join(SAMPLES, truth.file);
printPdf(fodpFile, pdf, SAMPLES, check);
bail('conversion');

const info = run('pdfinfo', [pdf]);
const n = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
check(n === truth.pageCount, `${n} pages, truth says ${truth.pageCount}`);
const fonts = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
for (const f of fonts) check(/\byes\s+yes\s+yes\b/.test(f), `font not embedded+subset+ToUnicode: ${f.trim()}`);
checkFrames(pdf, pages, (f) => f.paras.join(''), check, { innermost: true });
bail('the PDF checks');
console.log(`build-case-sheets: ${pdf.replace(ROOT + '/', '')} (${n} pages, ${truth.cases.length} case sheets) from ${fodpFile.replace(ROOT + '/', '')}`);
