/**
 * pdf.js without @napi-rs/canvas, for kohyo's own processes and threads (the CLI and its
 * workers call {@link readWithoutCanvas} before pdf.js loads; the library never does it
 * for its host).
 *
 * pdf.js's Node build requires @napi-rs/canvas (Skia) as it loads, to give its page
 * renderer DOMMatrix, ImageData and Path2D, and builds one DOMMatrix at load time. kohyo
 * never renders a page: it reads operator lists and text. Skia costs about 30 MB resident
 * in every thread that loads it (a batch has one pdf.js per worker). So that one require,
 * made by pdf.js, is answered with classes that only hold their values: enough for pdf.js
 * to load, and a TypeError (reported as an internal error) should anything ever try to
 * draw with them.
 */
import Module from "node:module";
import { sep } from "node:path";

const CANVAS = "@napi-rs/canvas";
const INSTALLED = Symbol.for("kohyo.readWithoutCanvas");

/** A 2-D matrix [a b c d e f] that pdf.js may build but kohyo never draws with. */
class UndrawnMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init?.length !== 6) return;
    [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!];
  }
}

class UndrawnImageData {
  constructor(
    readonly width = 0,
    readonly height = 0,
  ) {}
}

class UndrawnPath {}

/** What pdf.js gets for require("@napi-rs/canvas"). */
export const undrawnCanvas = Object.freeze({ DOMMatrix: UndrawnMatrix, ImageData: UndrawnImageData, Path2D: UndrawnPath });

type Load = (request: string, parent: { filename?: string | null } | undefined, isMain: boolean) => unknown;

/** From now on, pdf.js's require of @napi-rs/canvas in this thread gets {@link undrawnCanvas}; other requires are untouched. */
export function readWithoutCanvas(): void {
  const loader = Module as unknown as { _load: Load & { [INSTALLED]?: true } };
  if (loader._load[INSTALLED]) return;
  const load = loader._load;
  const answered: Load = function (this: unknown, request, parent, isMain) {
    if (request === CANVAS && parent?.filename?.includes(`${sep}pdfjs-dist${sep}`)) return undrawnCanvas;
    return load.call(this, request, parent, isMain);
  };
  loader._load = Object.assign(answered, { [INSTALLED]: true as const });
}
