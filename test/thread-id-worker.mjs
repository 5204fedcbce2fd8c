/**
 * A worker thread for the pool's tests: answers every task with its thread id, as
 * dist/src/batch/worker.js answers with a result (a beat when the task starts, then
 * { id, ok, value }).
 */
import { parentPort, threadId } from "node:worker_threads";

parentPort.on("message", ({ id }) => {
  parentPort.postMessage({ beat: 0 });
  parentPort.postMessage({ id, ok: true, value: threadId });
});
