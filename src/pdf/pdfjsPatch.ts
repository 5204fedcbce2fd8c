/**
 * Three changes to pdf.js's worker code for speed, three for budgets (4–6 below), one for a finding (7), one against a broken JBIG2 stream (8), one for memory (9), one against a broken font (10), two more for speed (11, 12) and one more against a broken JBIG2 stream (13), made to its source text by the build (never to the
 * installed file; see scripts/pdfjs-worker.mjs): operator lists come out the same, with
 * less work for the office PDFs kohyo reads. Measured on the 640-page bench book, reading
 * pages alone: −13 % CPU for the first, −4 % for the second; the whole of `kohyo extract`
 * with 2 workers: −9 % CPU for the third.
 *
 * 1. A font already set once while reading a content stream is set again at once.
 *    pdf.js reads a content stream in a loop that leaves and re-enters itself through a
 *    promise at every font change (`Tf`), even when the font is loaded already: the
 *    loop's state is rebuilt, a Promise.all awaited, the font's cache entry awaited.
 *    Office software prints a `Tf` before every run of text — about 900 a page in a
 *    spreadsheet printed to PDF, one for every cell — so that round trip is made
 *    hundreds of thousands of times in a long document. After the change, the first
 *    `Tf` of each font name in a stream goes the old way; the ones after it set the same
 *    font synchronously, adding the same operators. The operator list is the same: `Tf`
 *    names a font in the stream's own resources, which do not change while the stream is
 *    read; the font was translated and sent to the document side the first time
 *    (TranslatedFont.send does nothing the second time), and its dependency was added
 *    (addDependency ignores a second one). Type3 fonts, whose glyphs add dependencies of
 *    their own each time, and a `Tf` without a font name keep the old way.
 * 2. A chunk of an operator list is sent without a list of buffers to transfer. pdf.js
 *    walks every operator of the chunk to collect them (the text matrices, the path
 *    data), for a postMessage across a real worker boundary; kohyo's in-thread channel
 *    (./pdfjs.ts DirectPort) hands chunks over as they are and never transfers their
 *    buffers. The operators are the same; only the walk is saved.
 * 3. The content-stream loop of the last stream read is kept referenced (on
 *    WorkerMessageHandler, until ./pdfjs.ts releaseLatestLoop), so that its optimised
 *    code is kept. The loop is a closure made anew for every content stream, and V8
 *    holds a function's optimised code only weakly: between two pages no copy of the
 *    closure is alive, a full garbage collection drops the code, and the loop — a large
 *    function — is optimised again (measured: 29 times in a run over the 640-page bench
 *    book, 1.7 s of compiling; 5 times with the change). Nothing the loop does changes.
 *
 * 4. DecodeStream.ensureBuffer, where every decoded stream's buffer grows, tells the
 *    thread's guard (./limits.ts) how far it grows: a stream or a page's streams that
 *    inflate past their budget stop there (a decompression bomb of gigabytes).
 * 5. OperatorList.addOp counts operators for the guard, by the thousand.
 * 6. handleTilingType gives each pattern's operator list its depth, and the guard stops a
 *    pattern nested too deep (one that paints itself recursed until the heap was gone).
 * 7. A font that pdf.js stands Helvetica in for (its dictionary missing or broken: the
 *    text comes out as whatever the codes mean in WinAnsi, mostly garbage) is told to the
 *    guard by its loaded name, so that the page gets a finding (./load.ts).
 * 9. A font's program translated into OpenType (Font.data) is let go on the worker side
 *    once it was sent to the document side, when that side loads fonts as font faces
 *    (disableFontFace false, as ./load.ts opens every document: it keeps nothing of them).
 *    pdf.js keeps it for as long as the document is open only to trace glyph outlines for
 *    a canvas (text drawn as a clipping path or in a pattern colour, or a font face that
 *    failed to load) — drawing kohyo never does; the glyphs' codes, widths, metrics and
 *    text are the Font's other fields. Measured on the A3 bench book (each copy of the
 *    book embeds its fonts anew), one thread reading 150 sheets: 5.5 MB less held outside
 *    the heap and 10 MB less RSS; whole `kohyo extract`, 2 workers: 374 against 387 MB.
 * 10. A TrueType font's cmap table is read into at most as many mappings as its format has
 *    character codes (format 12: Unicode's 0x110000; the others: 0x10100, two bytes and
 *    format 2's first byte); past that the table is broken, and pdf.js's own FormatError
 *    makes it fall back as for any broken font (the text still comes from the font's
 *    /ToUnicode or encoding). pdf.js pushed one object per code of each range as printed:
 *    a damaged group of 0 to 0xFFFFFFFF took gigabytes and minutes in one synchronous
 *    loop, past every budget (found by the fuzz: seed 3 input 4947, corpus 05 through
 *    object streams, 2.1 GB on one page). No real font reaches the bound.
 * 11. An image XObject is decoded to pixels only when kohyo asks for them. pdf.js decodes
 *    every image it meets while it builds the operator list, and hands the pixels over
 *    apart from it (the list names the image by its object id, width and height); kohyo
 *    reads pixels only to read a page from its picture (OCR). Each image's decoding is
 *    given to the guard instead (./limits.ts Guard.deferImage), by page, and run when
 *    the page's picture is made (./load.ts); the rest are let go with the page. An image
 *    kept for several pages (pdf.js's global image cache), or a Type3 glyph's, is decoded
 *    at once as before; so are image masks, which pdf.js decodes while it reads the page.
 *    The operator list is the same. Measured on corpus 26 read in one thread without OCR:
 *    p.1 (text and 11 logos, JPEG with masks) 120–156 ms against 257–279 ms, p.7 (a scan:
 *    a 1240×1754 JPEG under 29 CCITT masks) 72–90 against 186–200 ms (3 runs each).
 * 12. A TrueType font's glyph locations (its loca table) are read without an object per
 *    glyph when they come in order, as fonts write them. pdf.js made an object for each of
 *    the font's glyphs, sorted them by offset to find where each glyph ends, sorted them
 *    back, and had each empty glyph checked by a call that returns a new object; a subset
 *    of a Japanese font keeps its 10,000–20,000 glyph slots, most of them empty, and
 *    corpus 26 embeds 316,691 glyph slots in all. In order, a glyph ends where the next
 *    begins (what the stable sort gives), so the offsets are read into a typed array, and
 *    a glyph that cannot hold an outline (12 bytes or fewer, or outside the table) is
 *    marked missing as sanitizeGlyph would; any other glyph is sanitized as before. Out
 *    of order (or no glyphs), pdf.js's own code runs. The font program, the missing
 *    glyphs and so the operator lists are the same. Measured on corpus 26 read in one
 *    thread: sanitizeGlyphLocations 117–150 ms in all against 38–68 ms (4 runs each).
 * 13. A JBIG2 table segment is read into at most 65,536 lines; more is a broken stream,
 *    and pdf.js's own Jbig2Error says so. pdf.js added a line for every few bits of the
 *    segment until its range was covered: a range up to 2^31 over a megabyte of data
 *    made millions of objects — the heap exhausted, SIGABRT (found by the fuzz: seed 5
 *    input 4304, corpus 10 with a content stream's /Filter made /JBIG2Decode). The
 *    standard tables have at most 21 lines.
 * Without them (pdf.js as shipped) nothing is budgeted but pages and table cells.
 *
 * All or nothing: when the installed pdf.js's code is not the code these were written
 * for (another pdfjs-dist version), nothing is changed and pdf.js runs as shipped —
 * test/pdf/pdfjs-patch.test.ts says so when it happens. KOHYO_PDFJS_AS_SHIPPED=1 turns
 * the changes off (for comparing).
 */

import { GUARD_GLOBAL } from "./limits.js";

/** The setFont case of PartialEvaluator.getOperatorList in pdfjs-dist 5.6 (change 1). */
const SET_FONT = `          case OPS.setFont:
            const fontSize = args[1];
            next(self.handleSetFont(resources, args, null, operatorList, task, stateManager.state, fallbackFontDict).then(function (loadedName) {
              operatorList.addDependency(loadedName);
              operatorList.addOp(OPS.setFont, [loadedName, fontSize]);
            }));
            return;`;

const SET_FONT_AGAIN = `          case OPS.setFont:
            const fontSize = args[1];
            const fontName = args[0] instanceof Name ? args[0].name : null;
            const setBefore = fontName === null ? undefined : kohyoFontsSet.get(fontName);
            if (setBefore) {
              stateManager.state.font = setBefore.font;
              operatorList.addDependency(setBefore.loadedName);
              operatorList.addOp(OPS.setFont, [setBefore.loadedName, fontSize]);
              continue;
            }
            next(self.handleSetFont(resources, args, null, operatorList, task, stateManager.state, fallbackFontDict).then(function (loadedName) {
              const font = stateManager.state.font;
              if (fontName !== null && font && !font.isType3Font) kohyoFontsSet.set(fontName, { font, loadedName });
              operatorList.addDependency(loadedName);
              operatorList.addOp(OPS.setFont, [loadedName, fontSize]);
            }));
            return;`;

/** Where getOperatorList declares its per-stream caches: the fonts set so far join them (change 1). */
const CACHES = `    const localShadingPatternCache = new Map();
    const xobjs = resources.get("XObject") || Dict.empty;`;

const CACHES_AND_FONTS = `    const localShadingPatternCache = new Map();
    const kohyoFontsSet = new Map();
    const xobjs = resources.get("XObject") || Dict.empty;`;

/** OperatorList.flush's hand-over of a chunk, with the buffers to transfer (change 2). */
const FLUSH = `      length
    }, 1, this._transfers);
    this.dependencies.clear();`;

const FLUSH_UNTRANSFERRED = `      length
    }, 1, []);
    this.dependencies.clear();`;

/** The start of getOperatorList's content-stream loop (change 3; getTextContent's loop has the same name and first line). */
const LOOP = `    return new Promise(function promiseBody(resolve, reject) {
      const next = function (promise) {
        Promise.all([promise, operatorList.ready]).then(function () {`;

/** The name the loop is kept under, on the worker module's WorkerMessageHandler. */
export const LATEST_LOOP = "kohyoLatestLoop";

const LOOP_KEPT = `    return new Promise(function promiseBody(resolve, reject) {
      WorkerMessageHandler.${LATEST_LOOP} = promiseBody;
      const next = function (promise) {
        Promise.all([promise, operatorList.ready]).then(function () {`;

/** DecodeStream.ensureBuffer before it grows the buffer (change 4). */
const ENSURE_BUFFER = `    if (requested <= buffer.byteLength) {
      return buffer;
    }
    let size = this.minBufferLength;`;

const ENSURE_BUFFER_GUARDED = `    if (requested <= buffer.byteLength) {
      return buffer;
    }
    globalThis.${GUARD_GLOBAL}?.inflate(requested, buffer.byteLength);
    let size = this.minBufferLength;`;

/** OperatorList.addOp (change 5). */
const ADD_OP = `  addOp(fn, args) {
    this.optimizer.push(fn, args);
    this.weight++;`;

const ADD_OP_COUNTED = `  addOp(fn, args) {
    if ((this.weight & 1023) === 0) globalThis.${GUARD_GLOBAL}?.ops(1024);
    this.optimizer.push(fn, args);
    this.weight++;`;

/** The start of handleTilingType (change 6). */
const TILING = `  handleTilingType(fn, color, resources, pattern, patternDict, operatorList, task, localTilingPatternCache) {
    const tilingOpList = new OperatorList();`;

const TILING_DEPTH = `  handleTilingType(fn, color, resources, pattern, patternDict, operatorList, task, localTilingPatternCache) {
    const tilingOpList = new OperatorList();
    tilingOpList.kohyoDepth = (operatorList.kohyoDepth ?? 0) + 1;
    globalThis.${GUARD_GLOBAL}?.nest(tilingOpList.kohyoDepth);`;

/** PartialEvaluator.loadFont naming a font it is about to translate (change 7). */
const LOADED_NAME = "    font.loadedName = `${this.idFactory.getDocId()}_${fontID}`;\n";

const LOADED_NAME_TOLD = `${LOADED_NAME}    if (font.get("Type")?.name === "FallbackType") globalThis.${GUARD_GLOBAL}?.standIn?.(font.loadedName);
`;

/**
 * JBIG2's segment header (change 8): a referred-to count read from a broken stream
 * (up to 2^29) made pdf.js fill two arrays that long before it read past the data — past
 * V8's largest array the process ends (a fatal error, no exception; found by the fuzz: a
 * cross-reference stream whose /Filter was made /JBIG2Decode). Each referred-to segment
 * takes a byte of the header at least: a count larger than the bytes left is the broken
 * stream's, and throws pdf.js's own Jbig2Error, which kohyo reports as a damaged file.
 */
const JBIG2_REFERRED = `    referredToCount = readUint32(data, position - 1) & 0x1fffffff;
    position += 3;`;

const JBIG2_REFERRED_BOUNDED = `    referredToCount = readUint32(data, position - 1) & 0x1fffffff;
    position += 3;
    if (referredToCount > data.length - position) {
      throw new Jbig2Error("invalid referred-to segment count");
    }`;

/** TranslatedFont.send, handing the font to the document side (change 9). */
const SEND_FONT = `    handler.send("commonobj", [this.loadedName, "Font", fontData], transfers);
  }
  fallback(handler, evaluatorOptions) {`;

const SEND_FONT_AND_LET_GO = `    handler.send("commonobj", [this.loadedName, "Font", fontData], transfers);
    if (this.font.disableFontFace === false) this.font.data = null;
  }
  fallback(handler, evaluatorOptions) {`;

/** Where readCmapTable starts collecting a cmap subtable's mappings (change 10). */
const CMAP_MAPPINGS = `      const format = file.getUint16();
      let hasShortCmap = false;
      const mappings = [];
      let j, glyphId;
`;

const CMAP_MAPPINGS_BOUNDED = `      const format = file.getUint16();
      let hasShortCmap = false;
      const mappings = [];
      const kohyoMostMappings = format === 12 ? 0x110000 : 0x10100;
      mappings.push = function (mapping) {
        if (this.length >= kohyoMostMappings) throw new FormatError(\`cmap table (format \${format}) maps more codes than there are\`);
        return Array.prototype.push.call(this, mapping);
      };
      let j, glyphId;
`;

/** The decoding of an image XObject to pixels in buildPaintImageXObject (change 11): made a function… */
const DECODE_IMAGE = `    PDFImage.buildImage({
      xref: this.xref,
      res: resources,
      image,
      isInline,`;

const DECODE_IMAGE_LATER = `    const kohyoDecode = () => PDFImage.buildImage({
      xref: this.xref,
      res: resources,
      image,
      isInline,`;

/** …that runs at once only when the guard does not keep it for later (change 11). */
const DECODE_IMAGE_END = `      return this._sendImgData(objId, null, cacheGlobally);
    });
    if (cacheKey) {`;

const DECODE_IMAGE_END_KEPT = `      return this._sendImgData(objId, null, cacheGlobally);
    });
    if (cacheGlobally || this.parsingType3Font || !globalThis.${GUARD_GLOBAL}?.deferImage?.(\`\${this.idFactory.getDocId()} \${this.pageIndex}\`, kohyoDecode)) kohyoDecode();
    if (cacheKey) {`;

/** sanitizeGlyphLocations, from the glyphs' offsets to the copy of each glyph (change 12). */
const GLYPH_LOCATIONS = `      const locaEntries = [];
      for (i = 0, j = 0; i < numGlyphs + 1; i++, j += itemSize) {
        let offset = itemDecode(locaData, j);
        if (offset > oldGlyfDataLength) {
          offset = oldGlyfDataLength;
        }
        locaEntries.push({
          index: i,
          offset,
          endOffset: 0
        });
      }
      locaEntries.sort((a, b) => a.offset - b.offset);
      for (i = 0; i < numGlyphs; i++) {
        locaEntries[i].endOffset = locaEntries[i + 1].offset;
      }
      locaEntries.sort((a, b) => a.index - b.index);
      for (i = 0; i < numGlyphs; i++) {
        const {
          offset,
          endOffset
        } = locaEntries[i];
        if (offset !== 0 || endOffset !== 0) {
          break;
        }
        const nextOffset = locaEntries[i + 1].offset;
        if (nextOffset === 0) {
          continue;
        }
        locaEntries[i].endOffset = nextOffset;
        break;
      }
      const last = locaEntries.at(-2);
      if (last.offset !== 0 && last.endOffset === 0) {
        last.endOffset = oldGlyfDataLength;
      }
      const missingGlyphs = Object.create(null);
      let writeOffset = 0;
      itemEncode(locaData, 0, writeOffset);
      for (i = 0, j = itemSize; i < numGlyphs; i++, j += itemSize) {
        const glyphProfile = sanitizeGlyph(oldGlyfData, locaEntries[i].offset, locaEntries[i].endOffset, newGlyfData, writeOffset, hintsValid);
        const newLength = glyphProfile.length;
        if (newLength === 0) {
          missingGlyphs[i] = true;
        }
        if (glyphProfile.sizeOfInstructions > maxSizeOfInstructions) {
          maxSizeOfInstructions = glyphProfile.sizeOfInstructions;
        }
        writeOffset += newLength;
        itemEncode(locaData, j, writeOffset);
      }
`;

/** The shipped code but for its first two declarations (made before the fast path), one level deeper: glyphs out of order. */
const OUT_OF_ORDER = GLYPH_LOCATIONS.replace("      const missingGlyphs = Object.create(null);\n      let writeOffset = 0;\n", "").replace(/^(?=.)/gmu, "  ");

const GLYPH_LOCATIONS_IN_ORDER = `      const missingGlyphs = Object.create(null);
      let writeOffset = 0;
      const kohyoFast = Number.isInteger(numGlyphs) && numGlyphs > 0 && numGlyphs <= 0x10000;
      const kohyoStart = kohyoFast ? new Int32Array(numGlyphs + 1) : null;
      let kohyoInOrder = kohyoFast;
      if (kohyoFast) {
        for (i = 0, j = 0; i < numGlyphs + 1; i++, j += itemSize) {
          let offset = itemDecode(locaData, j);
          if (offset > oldGlyfDataLength) {
            offset = oldGlyfDataLength;
          }
          kohyoStart[i] = offset;
          if (i > 0 && offset < kohyoStart[i - 1]) {
            kohyoInOrder = false;
          }
        }
      }
      if (kohyoInOrder) {
        const kohyoEnd = kohyoStart.slice(1);
        for (i = 0; i < numGlyphs; i++) {
          if (kohyoStart[i] !== 0 || kohyoEnd[i] !== 0) {
            break;
          }
          const nextOffset = kohyoStart[i + 1];
          if (nextOffset === 0) {
            continue;
          }
          kohyoEnd[i] = nextOffset;
          break;
        }
        if (kohyoStart[numGlyphs - 1] !== 0 && kohyoEnd[numGlyphs - 1] === 0) {
          kohyoEnd[numGlyphs - 1] = oldGlyfDataLength;
        }
        itemEncode(locaData, 0, writeOffset);
        const kohyoSourceLength = oldGlyfData.length;
        for (i = 0, j = itemSize; i < numGlyphs; i++, j += itemSize) {
          const sourceStart = kohyoStart[i], sourceEnd = kohyoEnd[i];
          if (sourceStart < 0 || sourceStart >= kohyoSourceLength || sourceEnd > kohyoSourceLength || sourceEnd - sourceStart <= 12) {
            missingGlyphs[i] = true;
            if (0 > maxSizeOfInstructions) {
              maxSizeOfInstructions = 0;
            }
            itemEncode(locaData, j, writeOffset);
            continue;
          }
          const glyphProfile = sanitizeGlyph(oldGlyfData, sourceStart, sourceEnd, newGlyfData, writeOffset, hintsValid);
          const newLength = glyphProfile.length;
          if (newLength === 0) {
            missingGlyphs[i] = true;
          }
          if (glyphProfile.sizeOfInstructions > maxSizeOfInstructions) {
            maxSizeOfInstructions = glyphProfile.sizeOfInstructions;
          }
          writeOffset += newLength;
          itemEncode(locaData, j, writeOffset);
        }
      } else {
${OUT_OF_ORDER}      }
`;

/** decodeTablesSegment's loop over a custom Huffman table's lines (change 13). */
const JBIG2_TABLE_LINES = `    lines.push(new HuffmanLine([currentRangeLow, prefixLength, rangeLength, 0]));
    currentRangeLow += 1 << rangeLength;
  } while (currentRangeLow < highestValue);`;

const JBIG2_TABLE_LINES_BOUNDED = `    lines.push(new HuffmanLine([currentRangeLow, prefixLength, rangeLength, 0]));
    currentRangeLow += 1 << rangeLength;
    if (lines.length > 65536) {
      throw new Jbig2Error("table segment with more than 65536 lines");
    }
  } while (currentRangeLow < highestValue);`;

/** Each change: a piece of the shipped source and what it becomes. */
const CHANGES: readonly (readonly [string, string])[] = [
  [SET_FONT, SET_FONT_AGAIN],
  [CACHES, CACHES_AND_FONTS],
  [FLUSH, FLUSH_UNTRANSFERRED],
  [LOOP, LOOP_KEPT],
  [ENSURE_BUFFER, ENSURE_BUFFER_GUARDED],
  [ADD_OP, ADD_OP_COUNTED],
  [TILING, TILING_DEPTH],
  [LOADED_NAME, LOADED_NAME_TOLD],
  [JBIG2_REFERRED, JBIG2_REFERRED_BOUNDED],
  [SEND_FONT, SEND_FONT_AND_LET_GO],
  [CMAP_MAPPINGS, CMAP_MAPPINGS_BOUNDED],
  [DECODE_IMAGE, DECODE_IMAGE_LATER],
  [DECODE_IMAGE_END, DECODE_IMAGE_END_KEPT],
  [GLYPH_LOCATIONS, GLYPH_LOCATIONS_IN_ORDER],
  [JBIG2_TABLE_LINES, JBIG2_TABLE_LINES_BOUNDED],
];

export interface PatchedWorker {
  source: string;
  /** False when the source is not the code the changes were written for: returned as it was. */
  patched: boolean;
}

/** pdf.js's worker source with the changes, or as it was when any piece is not found exactly once. */
export function patchWorkerSource(source: string): PatchedWorker {
  if (CHANGES.some(([from]) => count(source, from) !== 1)) return { source, patched: false };
  return { source: CHANGES.reduce((s, [from, to]) => s.replace(from, () => to), source), patched: true };
}

function count(text: string, piece: string): number {
  let n = 0;
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + piece.length)) n++;
  return n;
}
