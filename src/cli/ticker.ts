/**
 * Progress inside a long file on a terminal: "plan.pdf: 40/127 pages · 8.3 pages/s",
 * redrawn in place on stderr at most ten times a second and cleared when the file is
 * done. Silent when stderr is not a terminal (a pipe, a log file, a test).
 */
import { type Lang, say } from "../output/messages.js";

export type Ticker = ((read: number, total: number) => void) & { done: () => void };

export function pageTicker(file: string, lang: Lang, stream: NodeJS.WriteStream | null): Ticker {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  const tick = ((read: number, total: number) => {
    if (!stream?.isTTY) return;
    const now = Date.now();
    if (now - last < 100 && read < total) return;
    last = now;
    const seconds = (now - started) / 1000;
    const line = say(lang).reading(file, read, total, seconds > 0 ? read / seconds : 0);
    stream.write(`\r\x1b[2K${line.slice(0, Math.max(10, (stream.columns || 80) - 1))}`);
    drawn = true;
  }) as Ticker;
  tick.done = () => {
    if (drawn) stream?.write("\r\x1b[2K");
    drawn = false;
  };
  return tick;
}
