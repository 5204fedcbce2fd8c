// kohyo review page: draws the PDF's pages with pdf.js as they scroll into view and, over
// each, what kohyo read there — tables (frame, header rows), cells, records and their
// fields, printed totals and every finding. Everything it needs is inside the page
// (see src/review/html.ts); it fetches nothing. Plain browser JavaScript, no build step.
//
// Coordinates: kohyo's boxes are PDF points from the top-left of the page as displayed,
// the same space as pdf.js's viewport at scale 1; overlays are placed in percent of the
// page, so they follow the page at any size.

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
};
const fromBase64 = (b64) => {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};

performance.mark("kohyo:script");
const data = JSON.parse($("#kohyo-data").textContent);
const cmaps = JSON.parse($("#kohyo-cmaps").textContent);
const lib = globalThis.pdfjsLib;

// ---- pdf.js (started first) --------------------------------------------------------------------------

/** pdf.js asks for CMaps (and fonts, decoders) by file name; the page carries the CMaps it needs. */
class EmbeddedData {
  async fetch({ kind, filename }) {
    const name = filename.replace(/\.bcmap$/, "");
    if (kind === "cMapUrl" && cmaps[name]) return fromBase64(cmaps[name]);
    throw new Error(`${filename} is not in this review page`);
  }
}

async function open() {
  performance.mark("kohyo:open");
  const worker = new Worker(URL.createObjectURL(new Blob([$("#kohyo-pdfjs-worker").textContent], { type: "text/javascript" })));
  lib.GlobalWorkerOptions.workerPort = worker;
  const task = lib.getDocument({
    data: fromBase64($("#kohyo-pdf").textContent),
    BinaryDataFactory: EmbeddedData,
    cMapUrl: "embedded/",
    cMapPacked: true,
    useWorkerFetch: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  // An encrypted PDF: the page carries no password; the reader types it.
  task.onPassword = (give, reason) => {
    const pw = window.prompt(reason === lib.PasswordResponses.INCORRECT_PASSWORD ? "Wrong password. The PDF's password:" : "The PDF's password:");
    if (pw === null) task.destroy();
    else give(pw);
  };
  pdfDoc = await task.promise;
  performance.mark("kohyo:pdf-open");
  document.body.dataset.pdf = "open";
  pump();
}
// Started first: pdf.js's worker starts and reads the PDF while the page makes its panel and overlays.
let pdfDoc = null;
const opening = open();

// ---- what is where -------------------------------------------------------------------

/** Items with a box, by page: { cells, cellParts, tables, records, findings }. */
const byPage = new Map();
const on = (page) => {
  let p = byPage.get(page);
  if (!p) byPage.set(page, (p = { cells: [], cellParts: [], tables: [], records: [], findings: [] }));
  return p;
};
const cells = [];
data.tables.forEach((t, ti) => {
  const frames = new Map();
  t.cells.forEach((c, ci) => {
    const cell = { ...c, id: cells.length, table: ti, index: ci };
    cells.push(cell);
    on(c.page).cells.push(cell);
    for (const part of c.parts ?? []) on(part.page).cellParts.push({ cell, ...part });
    for (const { page, box } of [c, ...(c.parts ?? [])]) {
      const f = frames.get(page) ?? { box: [...box], header: null };
      f.box = [Math.min(f.box[0], box[0]), Math.min(f.box[1], box[1]), Math.max(f.box[2], box[2]), Math.max(f.box[3], box[3])];
      if (c.header && page === c.page) f.header = f.header ? [Math.min(f.header[0], box[0]), Math.min(f.header[1], box[1]), Math.max(f.header[2], box[2]), Math.max(f.header[3], box[3])] : [...box];
      frames.set(page, f);
    }
  });
  for (const [page, f] of frames) on(page).tables.push({ table: ti, ...f });
});
for (const r of data.records) if (r.page && r.box) on(r.page).records.push(r);
for (const f of data.findings) if (f.page && f.box) on(f.page).findings.push(f);

/** The record a cell belongs to: one whose field is read from that cell (same page and box). */
const recordOfPlace = new Map();
const placeKey = (page, box) => `${page}:${box.join(",")}`;
for (const r of data.records) for (const f of r.fields) if (f.page && f.box && !recordOfPlace.has(placeKey(f.page, f.box))) recordOfPlace.set(placeKey(f.page, f.box), r);
const inside = (b, x, y) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
function recordOfCell(cell) {
  const direct = recordOfPlace.get(placeKey(cell.page, cell.box));
  if (direct) return direct;
  const x = (cell.box[0] + cell.box[2]) / 2;
  const y = (cell.box[1] + cell.box[3]) / 2;
  return on(cell.page).records.find((r) => inside(r.box, x, y)) ?? null;
}

performance.mark("kohyo:indexed");
const isFailure = (f) => !f.ok && f.severity === "error";
const isWarning = (f) => !f.ok && f.severity === "warning";
const kind = (f) => (f.ok ? "ok" : f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "info");
const inOrder = (a, b) => (a.page ?? 1e9) - (b.page ?? 1e9) || (a.box?.[1] ?? 0) - (b.box?.[1] ?? 0) || (a.box?.[0] ?? 0) - (b.box?.[0] ?? 0);
const failures = data.findings.filter(isFailure).sort(inOrder);
const warnings = data.findings.filter(isWarning).sort(inOrder);

// ---- pages ---------------------------------------------------------------------------

const pagesEl = $("#pages");
const widest = Math.max(...data.pages.map(([w]) => w));
const scale = Math.max(0.5, Math.min(2, (pagesEl.clientWidth - 48) / widest));
const pageEls = data.pages.map(([w, h], i) => {
  const n = i + 1;
  const page = el("section", { class: "page", "data-page": String(n), style: `width:${w * scale}px;height:${h * scale}px` });
  page.append(el("div", { class: "page-number", text: `p.${n}` }));
  pagesEl.append(page);
  return page;
});

const pct = (v, of) => `${((v / of) * 100).toFixed(3)}%`;
function placed(cls, page, box, attrs = {}) {
  const [w, h] = data.pages[page - 1];
  return el("div", { class: cls, style: `left:${pct(box[0], w)};top:${pct(box[1], h)};width:${pct(box[2] - box[0], w)};height:${pct(box[3] - box[1], h)}`, ...attrs });
}

/** The overlays of page n, made the first time the page comes near the view. */
function buildOverlays(n) {
  const page = pageEls[n - 1];
  if (page.dataset.overlays) return;
  const layer = el("div", { class: "overlays" });
  const items = byPage.get(n);
  if (items) {
    for (const t of items.tables) {
      layer.append(placed("ov-table", n, t.box, { "data-table": String(t.table) }));
      if (t.header) layer.append(placed("ov-header", n, t.header, { "data-table": String(t.table) }));
    }
    for (const r of items.records) layer.append(placed("ov-record", n, r.box, { "data-record": String(r.id), title: `${r.table} ${r.label}` }));
    for (const c of items.cells) layer.append(placed(`ov-cell${c.header ? " header" : ""}`, n, c.box, { "data-cell": String(c.id), title: c.text }));
    for (const p of items.cellParts) layer.append(placed("ov-cellpart", n, p.box, { "data-cell": String(p.cell.id), title: p.cell.text }));
    for (const f of items.findings) {
      const level = f.level !== undefined ? ` level-${Math.min(f.level, 3)}` : "";
      const o = placed(`ov-finding ${kind(f)}${level}`, n, f.box, { "data-finding": String(f.id), title: `${f.rule}: ${f.message}` });
      if (f.level !== undefined) o.append(el("span", { class: "level", text: `L${f.level}` }));
      layer.append(o);
    }
  }
  page.append(layer);
  page.dataset.overlays = "1";
}

const rendered = new Set();
/** Pages asked for and not drawn yet: drawn one at a time, the one nearest the view first. */
const wanted = new Set();
let drawing = false;
/** Canvases kept at most: pages further from the view give theirs back. */
const KEEP = 12;
function renderPage(n) {
  if (rendered.has(n)) return;
  wanted.add(n);
  pump();
}
/** The page at the top of the view. */
function currentPage() {
  const y = pagesEl.scrollTop + pagesEl.clientHeight / 3;
  let lo = 0;
  let hi = pageEls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageEls[mid].offsetTop <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
async function pump() {
  if (drawing || !pdfDoc || wanted.size === 0) return;
  const at = currentPage();
  const n = [...wanted].reduce((a, b) => (Math.abs(b - at) < Math.abs(a - at) ? b : a));
  wanted.delete(n);
  drawing = true;
  await draw(n);
  drawing = false;
  pump();
}
async function draw(n) {
  const page = pageEls[n - 1];
  rendered.add(n);
  try {
    const p = await pdfDoc.getPage(n);
    const ratio = window.devicePixelRatio || 1;
    const viewport = p.getViewport({ scale: scale * ratio });
    const canvas = el("canvas", { class: "pdf" });
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await p.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
    page.prepend(canvas);
    page.dataset.rendered = "1";
    if (!performance.getEntriesByName("kohyo:first-page").length) performance.mark("kohyo:first-page");
  } catch (e) {
    page.dataset.rendered = "failed";
    page.append(el("div", { class: "render-error", text: `pdf.js could not draw this page: ${e?.message ?? e}` }));
  }
  if (rendered.size > KEEP) release();
}
const visible = new Set();
function release() {
  const near = [...visible];
  const distance = (n) => Math.min(...near.map((v) => Math.abs(v - n)));
  for (const n of [...rendered].sort((a, b) => distance(b) - distance(a)).slice(0, rendered.size - KEEP)) {
    if (visible.has(n)) continue;
    rendered.delete(n);
    const page = pageEls[n - 1];
    page.querySelector("canvas.pdf")?.remove();
    delete page.dataset.rendered;
  }
}
const observer = new IntersectionObserver(
  (entries) => {
    for (const e of entries) {
      const n = Number(e.target.dataset.page);
      if (e.isIntersecting) {
        visible.add(n);
        buildOverlays(n);
        renderPage(n);
      } else {
        visible.delete(n);
        wanted.delete(n);
      }
    }
  },
  { root: pagesEl, rootMargin: "50% 0px" },
);
for (const p of pageEls) observer.observe(p);

// ---- selection -----------------------------------------------------------------------

const panel = $("#panel");
const detail = el("section", { id: "detail", class: "detail" }, el("p", { class: "hint", text: "Click a check, a record or a box on a page." }));

function clearSelection() {
  for (const e of document.querySelectorAll(".selected")) e.classList.remove("selected");
  for (const e of document.querySelectorAll(".ov-field")) e.remove();
}
/** Scrolls page n so that box (or the page top) is in view. */
function show(n, box) {
  const page = pageEls[n - 1];
  buildOverlays(n);
  const [, h] = data.pages[n - 1];
  const y = page.offsetTop + (box ? (box[1] / h) * page.offsetHeight : 0);
  pagesEl.scrollTo({ top: Math.max(0, y - pagesEl.clientHeight / 3), behavior: "instant" });
  renderPage(n);
}
const mark = (selector) => {
  for (const e of document.querySelectorAll(selector)) e.classList.add("selected");
};
function fieldBoxes(r) {
  for (const f of r.fields) {
    if (!f.page || !f.box) continue;
    buildOverlays(f.page);
    pageEls[f.page - 1].querySelector(".overlays").append(placed("ov-field", f.page, f.box, { "data-record": String(r.id), title: `${f.name}: ${f.raw ?? f.value}` }));
  }
}
function placeLine(page) {
  return page ? el("a", { href: `#p${page}`, class: "goto", text: `p.${page}`, onclick: (e) => (e.preventDefault(), show(page)) }) : "";
}

function selectFinding(f, scroll = true) {
  clearSelection();
  if (f.page && scroll) show(f.page, f.box);
  mark(`[data-finding="${f.id}"]`);
  const r = f.record !== undefined ? data.records[f.record] : null;
  detail.replaceChildren(
    el("h3", { class: `sev ${kind(f)}`, text: `${kind(f) === "ok" ? "passing" : kind(f) === "error" ? "failing" : kind(f)} · ${f.rule}` }),
    el("p", { class: "message", text: f.message }),
    el("p", {}, f.page ? placeLine(f.page) : "no place in the PDF", f.box ? ` [${f.box.join(", ")}]` : ""),
    r ? el("p", {}, "record: ", el("a", { href: "#", class: "record-link", text: `${r.table} ${r.label}`, onclick: (e) => (e.preventDefault(), selectRecord(r)) })) : "",
  );
  document.body.dataset.selected = `finding:${f.id}`;
}
function selectRecord(r, scroll = true) {
  clearSelection();
  if (r.page && scroll) show(r.page, r.box);
  mark(`[data-record="${r.id}"]`);
  fieldBoxes(r);
  const rows = r.fields.map((f) =>
    el("tr", {}, el("th", { text: f.name }), el("td", { text: f.value === "null" ? "" : f.value }), el("td", { class: "raw", text: f.raw ?? "" }), el("td", {}, placeLine(f.page))),
  );
  const own = data.findings.filter((f) => f.record === r.id);
  detail.replaceChildren(
    el("h3", { text: `${r.table} · ${r.label}` }),
    el("p", {}, placeLine(r.page), r.box ? ` [${r.box.join(", ")}]` : ""),
    el("table", { class: "fields" }, el("tr", {}, el("th", { text: "field" }), el("th", { text: "value" }), el("th", { text: "printed" }), el("th", { text: "" })), ...rows),
    ...(own.length ? [el("h4", { text: "checks on this record" }), el("ul", { class: "findings" }, ...own.map(findingItem))] : []),
  );
  document.body.dataset.selected = `record:${r.id}`;
}
function selectCell(c) {
  clearSelection();
  mark(`[data-cell="${c.id}"]`);
  const t = data.tables[c.table];
  const r = recordOfCell(c);
  if (r) {
    mark(`[data-record="${r.id}"]`);
    fieldBoxes(r);
  }
  detail.replaceChildren(
    el("h3", { text: `${t.id} · row ${c.row + 1}, column ${c.col + 1}${c.header ? " (header)" : ""}` }),
    el("p", {}, placeLine(c.page), ` [${c.box.join(", ")}]`, c.rowSpan > 1 || c.colSpan > 1 ? ` · spans ${c.rowSpan}×${c.colSpan}` : ""),
    el("p", { class: "column", text: t.columns[c.col] ? `column: ${t.columns[c.col]}` : "" }),
    el("pre", { class: "raw", text: c.text }),
    r ? el("p", {}, "record: ", el("a", { href: "#", class: "record-link", text: `${r.table} ${r.label}`, onclick: (e) => (e.preventDefault(), selectRecord(r)) })) : el("p", { class: "hint", text: "no record reads this cell" }),
  );
  document.body.dataset.selected = `cell:${c.id}`;
}

pagesEl.addEventListener("click", (e) => {
  const o = e.target.closest("[data-finding],[data-cell],[data-record]");
  if (!o) return;
  if (o.dataset.finding) selectFinding(data.findings[Number(o.dataset.finding)], false);
  else if (o.dataset.cell) selectCell(cells[Number(o.dataset.cell)]);
  else selectRecord(data.records[Number(o.dataset.record)], false);
});

// ---- side panel ----------------------------------------------------------------------

function findingItem(f) {
  return el("li", { class: `finding ${kind(f)}`, "data-finding": String(f.id), onclick: () => selectFinding(f) }, el("span", { class: "where", text: f.page ? `p.${f.page}` : "–" }), " ", f.message);
}
/** A <details> whose list is made when it is first opened (a long book has thousands). */
function lazyList(summary, open, items, make) {
  const list = el("ul");
  const d = el("details", {}, el("summary", {}, ...summary), list);
  const fill = () => {
    if (list.childElementCount || !d.open) return;
    list.append(...items.map(make));
  };
  d.addEventListener("toggle", fill);
  if (open) {
    d.open = true;
    fill();
  }
  return d;
}

const count = (list, test) => list.filter(test).length;
const summary = el(
  "header",
  {},
  el("h1", { text: data.file.split(/[\\/]/).pop() }),
  el("p", { class: "meta", text: `${data.pipeline ? `pipeline ${data.pipeline}` : "no pipeline recognises it: tables and their totals"} · ${data.pages.length} pages · ${data.tables.length} tables · ${data.records.length} records` }),
  el(
    "p",
    { class: "counts" },
    el("span", { class: "sev error", text: `${failures.length} failing` }),
    " ",
    el("span", { class: "sev warning", text: `${warnings.length} warnings` }),
    " ",
    el("span", { class: "sev ok", text: `${count(data.findings, (f) => f.ok)} passing` }),
  ),
  el(
    "p",
    { class: "controls" },
    el("label", {}, el("input", { type: "checkbox", id: "failing-only", onchange: (e) => document.body.classList.toggle("failing-only", e.target.checked) }), " failing only"),
    " ",
    el("button", { type: "button", id: "next-failure", onclick: () => step(1), title: "n", text: "next failure ↓" }),
    el("button", { type: "button", id: "prev-failure", onclick: () => step(-1), title: "p", text: "↑" }),
    el("span", { class: "hint", text: " keys: n / p failures, w warnings, Esc" }),
  ),
);

/** Items by a key, in their order. */
function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
const rules = groupBy(data.findings, (f) => f.rule);
const checks = el(
  "section",
  { id: "checks" },
  el("h2", { text: "Checks by rule" }),
  ...[...rules]
    .sort(([a, x], [b, y]) => count(y, isFailure) - count(x, isFailure) || count(y, isWarning) - count(x, isWarning) || a.localeCompare(b))
    .map(([rule, list]) => {
      const failed = count(list, isFailure);
      const warned = count(list, isWarning);
      const passed = count(list, (f) => f.ok);
      const d = lazyList(
        [
          el("code", { text: rule }),
          " ",
          failed ? el("span", { class: "sev error", text: `${failed} failing` }) : "",
          warned ? el("span", { class: "sev warning", text: ` ${warned} warnings` }) : "",
          passed ? el("span", { class: "sev ok", text: ` ${passed} passing` }) : "",
          list.length - failed - warned - passed ? el("span", { class: "sev info", text: ` ${list.length - failed - warned - passed} info` }) : "",
        ],
        failed > 0,
        [...list].sort(inOrder),
        findingItem,
      );
      d.dataset.rule = rule;
      if (!failed && !warned) d.classList.add("ok");
      return d;
    }),
);

const recordTables = groupBy(data.records, (r) => r.table);
const records = el(
  "section",
  { id: "records" },
  el("h2", { text: "Records" }),
  ...[...recordTables].map(([name, list]) =>
    lazyList([el("b", { text: name }), ` ${list.length}`], list.length <= 300, list, (r) =>
      el("li", { class: "record", "data-record": String(r.id), onclick: () => selectRecord(r) }, el("span", { class: "where", text: r.page ? `p.${r.page}` : "" }), " ", r.label),
    ),
  ),
);
const tables = el(
  "section",
  { id: "tables" },
  el("h2", { text: "Tables" }),
  el(
    "ul",
    {},
    ...data.tables.map((t) =>
      el(
        "li",
        { class: "table", "data-table-item": t.id, onclick: () => show(t.pages[0]) },
        el("b", { text: t.id }),
        ` ${t.kind}, pages ${t.pages.join(", ")}, ${Math.max(0, ...t.cells.map((c) => c.row + c.rowSpan))} rows (${t.headerRows} header) × ${t.columns.length} columns`,
      ),
    ),
  ),
);
panel.append(summary, detail, checks, records, tables);
performance.mark("kohyo:panel");

// ---- keyboard: next / previous failure ------------------------------------------------

let at = -1;
let warnAt = -1;
function step(by, list = failures) {
  if (!list.length) return;
  if (list === failures) {
    at = (at + by + list.length) % list.length;
    selectFinding(list[at]);
  } else {
    warnAt = (warnAt + by + list.length) % list.length;
    selectFinding(list[warnAt]);
  }
}
document.addEventListener("keydown", (e) => {
  if (e.target instanceof HTMLInputElement || e.metaKey || e.ctrlKey || e.altKey) return;
  if (e.key === "n" || e.key === "j") step(1);
  else if (e.key === "p" || e.key === "k") step(-1);
  else if (e.key === "w") step(1, warnings);
  else if (e.key === "W") step(-1, warnings);
  else if (e.key === "Escape") {
    clearSelection();
    delete document.body.dataset.selected;
  } else return;
  e.preventDefault();
});

window.kohyoReview = { data, show, selectFinding, selectRecord, buildOverlays, ready: opening };
window.kohyoReview.ready.catch((e) => {
  document.body.dataset.pdf = "failed";
  pagesEl.prepend(el("p", { class: "render-error", text: `pdf.js could not open the PDF: ${e?.message ?? e}` }));
});
document.body.dataset.ready = "1";
