// A second, read-only connection to a SQLite file, on a worker thread. better-sqlite3 runs a statement on the
// thread that asks for it, so a process reads one statement at a time; a read that can run beside another one
// (a search's ranking while its matches are found: docs/decisions/002-bilingual-search.md) runs here, on the
// machine's other core.
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";

// CommonJS evaluated in the worker: a file of its own would have to survive the app's bundling.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: workerData.busyTimeoutMs });
const statements = new Map();
parentPort.on("message", ({ id, sql, params }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    parentPort.postMessage({ id, row: statement.get(...params) ?? null });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
workerData.readyPort.postMessage(true);
workerData.readyPort.close();
`;

/** The worker leaves after this long without a read, and comes back for the next one. */
const IDLE_EXIT_MS = 10 * 60_000;

type Reply = { id: number; row?: Record<string, unknown> | null; error?: string };

export interface SqliteReader {
  /**
   * The first row of a statement, read on the worker; null when the worker is not ready (it is started then,
   * for the next read): a caller that asks to save time must not wait for a thread to start.
   */
  get(sql: string, params: unknown[]): Promise<Record<string, unknown> | null> | null;
  close(): Promise<void>;
}

export function sqliteReader(file: string, busyTimeoutMs: number): SqliteReader {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  let worker: Worker | null = null;
  // Read without waiting for the event loop: a caller that runs search after search may not yield to it.
  let readyPort: MessagePort | null = null;
  let ready = false;
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | null = null;
  const pending = new Map<
    number,
    { resolve: (row: Record<string, unknown> | null) => void; reject: (error: Error) => void }
  >();

  function start() {
    const channel = new MessageChannel();
    readyPort = channel.port1;
    const started = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file, busyTimeoutMs, readyPort: channel.port2 },
      transferList: [channel.port2],
    });
    // An idle reader does not keep the process alive; one with reads in flight does (settle()).
    started.unref();
    started.on("message", (reply: Reply) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      settle();
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.row ?? null);
    });
    const stopped = (error: Error) => {
      if (worker !== started) return;
      worker = null;
      ready = false;
      readyPort?.close();
      readyPort = null;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    started.on("error", stopped);
    started.on("exit", () => stopped(new Error("the SQLite reader stopped")));
    worker = started;
  }

  function settle() {
    if (!worker) return;
    if (pending.size > 0) worker.ref();
    else worker.unref();
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void worker?.terminate(), IDLE_EXIT_MS).unref();
  }

  return {
    get(sql, params) {
      if (!worker) start();
      if (!ready && readyPort && receiveMessageOnPort(readyPort)) {
        ready = true;
        readyPort.close();
        readyPort = null;
      }
      if (!ready) return null;
      const id = nextId++;
      const row = new Promise<Record<string, unknown> | null>((resolve, reject) =>
        pending.set(id, { resolve, reject }),
      );
      worker!.postMessage({ id, sql, params });
      settle();
      return row;
    },
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      const stopping = worker;
      if (stopping) await stopping.terminate();
    },
  };
}
