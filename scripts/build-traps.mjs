#!/usr/bin/env node
/**
 * Builds samples/text-layer-traps.pdf and its truth file: a small PDF with what
 * producers in the wild write into the text layer, drawn with pdf-lib so every
 * position is known exactly.
 *
 *   page 1  Kangxi / CJK-supplement radicals in the ToUnicode (補助⾦ → 補助金),
 *           half-width katakana, fake bold (the same text drawn twice 0.4 pt apart),
 *           a ruled 3×3 grid drawn in pieces (stroked segments and 0.5 pt filled bars),
 *           and paint that is not a rule (white bar, thick shaded block).
 *   page 2  /Rotate 90.
 *   page 3  a MediaBox that does not start at 0,0.
 *   page 4  no text at all.
 *   page 5  vertical writing: a non-embedded CID font with the predefined CMap UniJIS-UTF16-V.
 *
 * Needs the IPAexGothic font (Debian fonts-ipaexfont); the PDF is committed, so tests
 * do not. Run: node scripts/build-traps.mjs
 */
import { readFileSync, writeFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import {
  beginText, degrees, endText, PDFDocument, PDFHexString, PDFName, PDFString, popGraphicsState,
  pushGraphicsState, rgb, setFontAndSize, setTextMatrix, showText,
} from "pdf-lib";

const FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
const out = new URL("../samples/", import.meta.url);

const pdf = await PDFDocument.create();
pdf.registerFontkit(fontkit);
pdf.setTitle("テキスト層の罠 (kohyo test sample)");
pdf.setProducer("kohyo scripts/build-traps.mjs (pdf-lib)");
pdf.setCreationDate(new Date("2024-01-01T00:00:00Z"));
pdf.setModificationDate(new Date("2024-01-01T00:00:00Z"));
const font = await pdf.embedFont(readFileSync(FONT), { subset: true });

const truth = { file: "text-layer-traps.pdf", pages: 5, texts: [], rules: {}, notRules: [] };
/** Draws text at a user-space baseline and records what a reader should get back. */
function text(page, pageNo, s, x, y, size, expected, display) {
  page.drawText(s, { x, y, size, font });
  truth.texts.push({ page: pageNo, raw: s, text: expected ?? s, x, y, size, display });
}

// ---- page 1: A4 portrait, origin 0,0
const p1 = pdf.addPage([595.28, 841.89]);
const H = 841.89;
const disp = (x, y) => ({ x, top: H - y }); // displayed coordinates of a baseline point
text(p1, 1, "補助⾦の交付⽇", 72, 760, 14, "補助金の交付日", disp(72, 760));
text(p1, 1, "伴⾛支援", 72, 730, 14, "伴走支援", disp(72, 730));
text(p1, 1, "⻄日本の⻑期計画", 72, 700, 14, "西日本の長期計画", disp(72, 700));
text(p1, 1, "ｷｬﾘｱｱｯﾌﾟ助成金", 72, 670, 14, "キャリアアップ助成金", disp(72, 670));
// Fake bold: drawn twice, 0.4 pt apart. A reader must keep one copy.
text(p1, 1, "合計", 300, 760, 14, "合計", disp(300, 760));
p1.drawText("合計", { x: 300.4, y: 760, size: 14, font });
text(p1, 1, "477,289", 360, 760, 12, "477,289", disp(360, 760));
p1.drawText("477,289", { x: 360.3, y: 760.2, size: 12, font });
// Fake bold glyph by glyph: each glyph drawn twice, 0.35 pt apart, before the next.
{
  const glyphs = ["総", "計"];
  glyphs.forEach((g, i) => {
    p1.drawText(g, { x: 300 + i * 14, y: 730, size: 14, font });
    p1.drawText(g, { x: 300.35 + i * 14, y: 730, size: 14, font });
  });
  truth.texts.push({ page: 1, raw: "総計", text: "総計", x: 300, y: 730, size: 14, display: disp(300, 730) });
}
// The same word twice, far apart: both are real.
text(p1, 1, "小計", 300, 700, 14, "小計", disp(300, 700));
text(p1, 1, "小計", 400, 700, 14, "小計", disp(400, 700));
truth.fakeBold = [
  { page: 1, text: "合計", copies: 1 },
  { page: 1, text: "477,289", copies: 1 },
  { page: 1, text: "総計", copies: 1 },
  { page: 1, text: "小計", copies: 2 },
];

// A 3×3 grid at x 72..372, y 300..450 (user space). Horizontal lines are stroked in
// three touching pieces; vertical lines are 0.5 pt filled bars.
const xs = [72, 172, 272, 372];
const ys = [300, 350, 400, 450];
for (const y of ys) {
  for (let i = 0; i < 3; i++) {
    p1.drawLine({ start: { x: xs[i], y }, end: { x: xs[i + 1], y }, thickness: 0.75, color: rgb(0, 0, 0) });
  }
}
for (const x of xs) p1.drawRectangle({ x: x - 0.25, y: 300, width: 0.5, height: 150, color: rgb(0, 0, 0) });
truth.rules[1] = {
  horizontal: ys.map((y) => ({ pos: H - y, start: 72, end: 372 })),
  vertical: xs.map((x) => ({ pos: x, start: H - 450, end: H - 300 })),
};
// Not rules: a white bar (invisible) and a thick grey block (shading).
p1.drawRectangle({ x: 72, y: 250, width: 300, height: 0.5, color: rgb(1, 1, 1) });
p1.drawRectangle({ x: 72, y: 150, width: 300, height: 40, color: rgb(0.8, 0.8, 0.8) });
truth.notRules.push({ page: 1, what: "white 0.5 pt bar at top 591.39" }, { page: 1, what: "grey 40 pt block" });
text(p1, 1, "セル1", 80, 420, 10, "セル1", disp(80, 420));

// ---- page 2: rotated 90° clockwise. Displayed: 841.89 wide, 595.28 tall; user (x, y) shows at (y, x).
const p2 = pdf.addPage([595.28, 841.89]);
p2.setRotation(degrees(90));
text(p2, 2, "回転したページ", 100, 200, 16, "回転したページ", { rotated: 90 });
truth.rotated = { page: 2, width: 841.89, height: 595.28 };

// ---- page 3: MediaBox starting at (100, 100).
const p3 = pdf.addPage([595.28, 841.89]);
p3.setMediaBox(100, 100, 400, 300);
text(p3, 3, "オフセット", 150, 350, 12, "オフセット", { x: 150 - 100, top: 100 + 300 - 350 });
truth.offset = { page: 3, width: 400, height: 300 };

// ---- page 4: nothing but a rule.
const p4 = pdf.addPage([595.28, 841.89]);
p4.drawLine({ start: { x: 72, y: 400 }, end: { x: 500, y: 400 }, thickness: 1 });
truth.noText = { page: 4 };

// ---- page 5: vertical writing (縦書き) with a non-embedded CID font and the predefined
// CMap UniJIS-UTF16-V, as older Japanese producers write it: pdf.js needs its bundled
// CMaps to read it. Drawn from the top at user (300, 700), 20 pt, downwards.
{
  const ctx = pdf.context;
  const descriptor = ctx.register(ctx.obj({
    Type: "FontDescriptor", FontName: "MS-Mincho", Flags: 6, FontBBox: [0, -141, 1000, 859],
    ItalicAngle: 0, Ascent: 859, Descent: -141, CapHeight: 709, StemV: 69,
  }));
  const cid = ctx.register(ctx.obj({
    Type: "Font", Subtype: "CIDFontType2", BaseFont: "MS-Mincho",
    CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Japan1"), Supplement: 6 },
    FontDescriptor: descriptor, DW: 1000,
  }));
  const type0 = ctx.register(ctx.obj({
    Type: "Font", Subtype: "Type0", BaseFont: "MS-Mincho", Encoding: "UniJIS-UTF16-V", DescendantFonts: [cid],
  }));
  const p5 = pdf.addPage([595.28, 841.89]);
  p5.node.setFontDictionary(PDFName.of("FV"), type0);
  const s = "縦書きの見出し";
  const hex = Array.from(s).map((c) => c.codePointAt(0).toString(16).padStart(4, "0")).join("");
  p5.pushOperators(pushGraphicsState(), beginText(), setFontAndSize("FV", 20), setTextMatrix(1, 0, 0, 1, 300, 700),
    showText(PDFHexString.of(hex)), endText(), popGraphicsState());
  truth.vertical = { page: 5, text: s, x: 300, top: 841.89 - 700, size: 20, length: Array.from(s).length * 20 };
  truth.pages = 5;
}

writeFileSync(new URL("text-layer-traps.pdf", out), await pdf.save({ useObjectStreams: false }));
writeFileSync(new URL("text-layer-traps.truth.json", out), JSON.stringify(truth, null, 2) + "\n");
console.log("wrote samples/text-layer-traps.pdf");

// Encrypted copies (needs qpdf): one that needs a password to open, and one with only an
// owner password (printing/copying restricted) — common in government PDFs, and readable.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
const src = fileURLToPath(new URL("text-layer-traps.pdf", out));
const enc = (name, user) =>
  execFileSync("qpdf", ["--encrypt", user, "kohyo-owner", "256", "--", src, fileURLToPath(new URL(name, out))]);
enc("encrypted-user-password.pdf", "kohyo-user");
enc("encrypted-owner-only.pdf", "");
console.log("wrote samples/encrypted-user-password.pdf (password kohyo-user), samples/encrypted-owner-only.pdf");
