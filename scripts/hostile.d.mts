/** Types of ./hostile.mjs for the tests. */
export function stream(dict: string, data: Uint8Array | string, opts?: { length?: number }): Buffer;
export function rawPdf(objects: readonly (string | Buffer)[], trailer?: string): Buffer;
export function onePage(content: Buffer | string, resources?: string, extra?: (string | Buffer)[]): Buffer;
export const TEXT: string;
export function bomb(bytes: number): Buffer;
export function doubleBomb(bytes: number): Promise<Buffer>;
export function nestedSaves(depth: number): Buffer;
export function selfPaintingPattern(): Buffer;
export function ruledGrid(n: number): Buffer;
export function manyPages(pages: number): Buffer;
export function pageTreeLoop(): Buffer;
export function countZero(): Buffer;
export function missingEncrypt(): Buffer;
