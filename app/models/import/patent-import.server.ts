// Bulk import of a university's patents from the file its patent database exports (docs/decisions/009):
// the upload is kept on disk, read as a stream twice — once for the preview (rows to add, update, reject, each
// rejection with its line and reason) and once, after the user confirms, to write every accepted row in one
// transaction. Nothing is written before the confirmation, and a failure writes nothing.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Prisma } from "~/generated/prisma/client";
import { canManageFor, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { reservePatentIds, sqlDialect } from "~/lib/sql-dialect.server";
import { insertPatents, type NewPatent } from "~/models/patent-store.server";
import { INDEXED_TEXT, indexPatentText } from "~/models/search/patent-index.server";
import {
  IMPORT_TARGETS,
  missingTargets,
  parseImportRow,
  recognizeColumns,
  REQUIRED_TARGETS,
  type ColumnMapping,
  type ImportedPatent,
  type ImportTarget,
  type RowProblem,
} from "./columns";
import { ImportFileError, openRowSource } from "./file-reader.server";

/** The largest upload through the browser (operators import larger files from the server's command line). */
export const IMPORT_MAX_BYTES = Number(process.env.IMPORT_MAX_MB ?? 40) * 1024 * 1024;
const BATCH = 500;
const PREVIEW_ROWS = 5;
const SAMPLE_REJECTIONS = 100;
/** Rejections kept with their reasons (the first by line); the rest are counted, and the report says how many. */
export const KEPT_REJECTIONS = 1_000;
/** Rows in a file read for the browser; `npm run import` sets IMPORT_MAX_ROWS=0, no limit. */
function maxRows(): number | undefined {
  const rows = Number(process.env.IMPORT_MAX_ROWS ?? 200_000);
  return rows > 0 ? rows : undefined;
}
/** Reading gives way to other requests after this long, so that a big file never holds the server up. */
const SLICE_MS = 20;
/** Uploads older than this are deleted by the sweep, and an import still waiting for its confirmation is cancelled. */
const ABANDONED_AFTER_MS = 24 * 3_600_000;
const SWEEP_EVERY_MS = 3_600_000;
/** An analysis or import that has not reported progress for this long was cut off (a restart): nothing was written. */
const STALLED_AFTER_MS = 120_000;

export type ImportStatus = "ANALYSING" | "READY" | "IMPORTING" | "DONE" | "FAILED" | "CANCELLED";

/** Where uploads wait for their import: IMPORT_DIR, else a folder in the system's temporary directory. */
export function importDirectory(): string {
  const directory = process.env.IMPORT_DIR ?? path.join(os.tmpdir(), "patentbridge-imports");
  fs.mkdirSync(directory, { recursive: true });
  scheduleSweep();
  return directory;
}

let sweepTimer: NodeJS.Timeout | null = null;
// The server sweeps from its start, so that what a crash left is removed even if nobody uploads again.
if (process.env.NODE_ENV === "production") scheduleSweep();

/** The server's start, or the first use of the upload folder, starts the sweep: a minute later, then every hour. */
function scheduleSweep() {
  if (sweepTimer) return;
  const sweep = () => void sweepImports().catch((error: unknown) => console.error("import sweep failed:", error));
  sweepTimer = setTimeout(() => {
    sweep();
    sweepTimer = setInterval(sweep, SWEEP_EVERY_MS).unref();
  }, 60_000).unref();
}

/**
 * Removes what failed, cancelled, crashed or abandoned imports left: uploads older than a day (a crash mid-upload
 * or mid-analysis leaves its file), and imports that have waited a day for their confirmation are cancelled.
 * Returns the files removed.
 */
export async function sweepImports(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - ABANDONED_AFTER_MS);
  await prisma.patentImport.updateMany({
    where: { status: "READY", updatedAt: { lt: before } },
    data: { status: "CANCELLED", completedAt: now },
  });
  const directory = process.env.IMPORT_DIR ?? path.join(os.tmpdir(), "patentbridge-imports");
  let removed = 0;
  for (const entry of await fs.promises.readdir(directory, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    const file = path.join(directory, entry.name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && stat.mtimeMs < before.getTime()) {
      await fs.promises.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

// Progress of the analyses and imports running in this process, read by the page that polls them.
const progress = new Map<
  string,
  { phase: "ANALYSING" | "IMPORTING"; rowsRead: number; rowsTotal: number | null; at: number }
>();

const HEARTBEAT_MS = 5_000;
const lastHeartbeat = new Map<string, number>();

/**
 * With several app servers (PostgreSQL), the page polling an import may reach a server that is not running
 * it: the import's row then tells how far it has read, and that it is alive, through a heartbeat written
 * outside the import's transaction. With SQLite there is one server, which knows from memory, and a write
 * outside the transaction would wait for the transaction's own connection.
 */
async function heartbeat(importId: string, rowsRead: number) {
  if (sqlDialect() !== "postgresql" || Date.now() - (lastHeartbeat.get(importId) ?? 0) < HEARTBEAT_MS) return;
  lastHeartbeat.set(importId, Date.now());
  await prisma.patentImport.update({ where: { id: importId }, data: { rowsRead } });
}

/** How far a running analysis or import in this process has read. */
export function importProgress(importId: string) {
  return progress.get(importId) ?? null;
}

/** Uploads are deleted once their import ends; a file an operator imports from elsewhere is left alone. */
function removeUpload(filePath: string) {
  if (path.dirname(path.resolve(filePath)) === path.resolve(importDirectory())) fs.rmSync(filePath, { force: true });
}

export interface Rejection {
  line: number;
  problems: RowProblem[];
}

/** What a scan of the file found: accepted rows are handed over in batches with the existing patent, if any. */
interface ScanResult {
  rowsRead: number;
  toAdd: number;
  toUpdate: number;
  rejected: number;
  rejections: Rejection[];
  preview: PreviewRow[];
  /** New patents without any IPC code: imported unclassified. */
  withoutIpc: number;
}

type PreviewRow = { line: number; applicationNumber: string; title: string; action: "ADD" | "UPDATE" };
/** What the import's `preview` column holds: the first accepted rows, the count of new patents without an IPC, and
 * the cells of the file's first data row (shown beside its columns when they are mapped by hand). Imports
 * recorded before held the rows alone. */
interface StoredPreview {
  rows: PreviewRow[];
  withoutIpc: number;
  sample: string[];
}

function readPreview(json: string): StoredPreview {
  const stored = JSON.parse(json) as StoredPreview | PreviewRow[];
  return Array.isArray(stored) ? { rows: stored, withoutIpc: 0, sample: [] } : stored;
}

/** The first data row's cells (a sample cell is cut to 60 characters); none when the file has no rows. */
async function firstRowCells(rows: AsyncIterable<{ cells: string[] }>): Promise<string[]> {
  for await (const { cells } of rows) return cells.map((cell) => (cell.length > 60 ? `${cell.slice(0, 59)}…` : cell));
  return [];
}

type Existing = Map<string, { id: number; ownerId: string }>;
type Db = Prisma.TransactionClient | typeof prisma;

async function existingPatents(db: Db, applicationNumbers: string[]): Promise<Existing> {
  const rows = await db.patent.findMany({
    where: { applicationNumber: { in: applicationNumbers } },
    select: { id: true, ownerId: true, applicationNumber: true },
  });
  return new Map(rows.map((row) => [row.applicationNumber, { id: row.id, ownerId: row.ownerId }]));
}

/** Reads the whole file through the mapping. Rows are checked in batches against the database: a patent of
 * another organisation is refused, one of this university is updated. */
async function scan(
  db: Db,
  record: { id: string; filePath: string; fileName: string; organizationId: string },
  headers: string[],
  mapping: ColumnMapping,
  phase: "ANALYSING" | "IMPORTING",
  rowsTotal: number | null,
  onBatch?: (batch: Array<{ patent: ImportedPatent; existingId: number | null }>) => Promise<void>,
): Promise<ScanResult> {
  const source = await openRowSource(record.filePath, record.fileName, { maxRows: maxRows() });
  const result: ScanResult = {
    rowsRead: 0,
    toAdd: 0,
    toUpdate: 0,
    rejected: 0,
    rejections: [],
    preview: [],
    withoutIpc: 0,
  };
  const firstLine = new Map<string, number>();
  let pending: Array<{ line: number; patent: ImportedPatent }> = [];
  const reject = (line: number, problems: RowProblem[]) => {
    result.rejected++;
    result.rejections.push({ line, problems });
    // Rejections of other owners arrive a batch late, so the list is trimmed to the first by line, not cut.
    if (result.rejections.length >= 2 * KEPT_REJECTIONS) keepFirstRejections(result.rejections);
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const existing = await existingPatents(
      db,
      pending.map((row) => row.patent.applicationNumber),
    );
    const accepted: Array<{ patent: ImportedPatent; existingId: number | null }> = [];
    for (const { line, patent } of pending) {
      const found = existing.get(patent.applicationNumber);
      if (found && found.ownerId !== record.organizationId) {
        reject(line, [{ code: "OTHER_OWNER", column: null, value: patent.applicationNumber }]);
        continue;
      }
      if (found) result.toUpdate++;
      else {
        result.toAdd++;
        if (!patent.fields.ipcMain) result.withoutIpc++;
      }
      if (result.preview.length < PREVIEW_ROWS)
        result.preview.push({
          line,
          applicationNumber: patent.applicationNumber,
          title: patent.fields.title ?? "",
          action: found ? "UPDATE" : "ADD",
        });
      accepted.push({ patent, existingId: found?.id ?? null });
    }
    pending = [];
    await onBatch?.(accepted);
    progress.set(record.id, { phase, rowsRead: result.rowsRead, rowsTotal, at: Date.now() });
    await heartbeat(record.id, result.rowsRead);
  };
  const now = new Date();
  let sliceStart = performance.now();
  for await (const { line, cells } of source.rows) {
    result.rowsRead++;
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    const parsed = parseImportRow(cells, headers, mapping, now);
    if (!parsed.ok) {
      reject(line, parsed.problems);
      continue;
    }
    const earlier = firstLine.get(parsed.patent.applicationNumber);
    if (earlier !== undefined) {
      reject(line, [
        { code: "DUPLICATE", column: null, value: parsed.patent.applicationNumber, detail: String(earlier) },
      ]);
      continue;
    }
    firstLine.set(parsed.patent.applicationNumber, line);
    pending.push({ line, patent: parsed.patent });
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  keepFirstRejections(result.rejections);
  return result;
}

function keepFirstRejections(rejections: Rejection[]) {
  rejections.sort((a, b) => a.line - b.line);
  rejections.length = Math.min(rejections.length, KEPT_REJECTIONS);
}

async function requireImportFor(user: CurrentUser, importId: string) {
  const record = await prisma.patentImport.findUnique({ where: { id: importId } });
  // Another university's import is answered as if it did not exist.
  if (!record || !canManageFor(user, record.organizationId))
    throw new DomainError("NOT_FOUND", "import.notFound", { status: 404 });
  return record;
}

/** Records an uploaded file for import into a university's patents (its staff, or an administrator). */
export async function createImport(
  user: CurrentUser,
  input: { universityId: string; fileName: string; filePath: string },
) {
  const university = await prisma.organization.findFirst({
    where: { id: input.universityId, kind: "UNIVERSITY" },
    select: { id: true },
  });
  if (!university || !canManageFor(user, university.id))
    throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(input.filePath)) hash.update(chunk as Buffer);
  return prisma.patentImport.create({
    data: {
      organizationId: university.id,
      createdById: user.id,
      fileName: input.fileName.slice(0, 200),
      filePath: input.filePath,
      fileBytes: fs.statSync(input.filePath).size,
      fileSha256: hash.digest("hex"),
      status: "ANALYSING",
    },
  });
}

/** The preview: reads the file, recognises its columns (or uses the user's mapping) and counts what an import
 * would add, update and reject. Never throws: a file that cannot be read ends FAILED with the reason. */
export async function analyseImport(importId: string, chosenMapping?: ColumnMapping): Promise<void> {
  const record = await prisma.patentImport.findUniqueOrThrow({ where: { id: importId } });
  progress.set(importId, { phase: "ANALYSING", rowsRead: 0, rowsTotal: null, at: Date.now() });
  try {
    const source = await openRowSource(record.filePath, record.fileName);
    const headers = source.headers;
    const mapping = chosenMapping ?? recognizeColumns(headers);
    const missing = missingTargets(mapping);
    const sample = await firstRowCells(source.rows);
    const base = {
      headers: JSON.stringify(headers),
      mapping: JSON.stringify(mapping),
      format: source.format,
      encoding: source.encoding,
    };
    if (missing.length > 0) {
      const preview: StoredPreview = { rows: [], withoutIpc: 0, sample };
      await prisma.patentImport.update({
        where: { id: importId },
        data: {
          ...base,
          status: "READY",
          error: "import.missingColumns",
          errorDetail: missing.join(","),
          rowsRead: 0,
          toAdd: 0,
          toUpdate: 0,
          rejected: 0,
          rejectionSample: "[]",
          preview: JSON.stringify(preview),
          rejectionReport: "",
        },
      });
      return;
    }
    const result = await scan(prisma, record, headers, mapping, "ANALYSING", null);
    await prisma.patentImport.update({
      where: { id: importId },
      data: {
        ...base,
        status: "READY",
        error: result.rowsRead === 0 ? "import.noRows" : null,
        errorDetail: null,
        rowsRead: result.rowsRead,
        toAdd: result.toAdd,
        toUpdate: result.toUpdate,
        rejected: result.rejected,
        rejectionSample: JSON.stringify(result.rejections.slice(0, SAMPLE_REJECTIONS)),
        preview: JSON.stringify({
          rows: result.preview,
          withoutIpc: result.withoutIpc,
          sample,
        } satisfies StoredPreview),
        rejectionReport: result.rejections.map((rejection) => JSON.stringify(rejection)).join("\n"),
      },
    });
  } catch (error) {
    await fail(importId, error);
  } finally {
    progress.delete(importId);
    lastHeartbeat.delete(importId);
  }
}

/** A failed import keeps its reason; its upload is deleted, since nothing more can be done with it. */
async function fail(importId: string, error: unknown) {
  const known = error instanceof ImportFileError;
  if (!known) console.error(`import ${importId} failed`, error);
  // A reason with values is worded in the user's language from them; the others keep the reader's English detail.
  const detail = known
    ? error.params
      ? JSON.stringify(error.params)
      : error.message
    : String((error as Error)?.message ?? error).slice(0, 500);
  const record = await prisma.patentImport.update({
    where: { id: importId },
    data: {
      status: "FAILED",
      error: known ? `import.file.${error.code}` : "import.failed",
      errorDetail: detail,
      completedAt: new Date(),
    },
  });
  removeUpload(record.filePath);
}

function newPatentRow(patent: ImportedPatent, ownerId: string, id: number, now: Date): NewPatent & { id: number } {
  const f = patent.fields;
  const assessed = f.transferable !== undefined || f.valueScore !== undefined || f.maturity !== undefined;
  return {
    id,
    applicationNumber: patent.applicationNumber,
    type: patent.type,
    filingDate: patent.filingDate,
    expiresOn: patent.expiresOn,
    ownerId,
    title: f.title!,
    titleEn: f.titleEn ?? null,
    abstract: f.abstract ?? "",
    abstractEn: f.abstractEn ?? null,
    firstClaim: f.firstClaim ?? "",
    firstClaimEn: f.firstClaimEn ?? null,
    publicationNumber: f.publicationNumber ?? null,
    publicationDate: f.publicationDate ?? null,
    grantNumber: f.grantNumber ?? null,
    grantDate: f.grantDate ?? null,
    ipcMain: f.ipcMain ?? "",
    ipcOthers: f.ipcOthers ?? "",
    inventors: f.inventors ?? "",
    legalStatus: f.legalStatus ?? patent.defaultLegalStatus,
    cluster: f.cluster ?? null,
    field: f.field ?? null,
    keywords: f.keywords ?? "",
    keywordsEn: f.keywordsEn ?? "",
    transferable: f.transferable ?? false,
    transferableNote: f.transferableNote ?? null,
    valueScore: f.valueScore ?? null,
    maturity: f.maturity ?? null,
    assessedAt: assessed ? now : null,
    hasEvaluationReport: f.hasEvaluationReport ?? false,
  };
}

/** An update sets only what the file gives, and the term that follows from the type and filing date. */
async function updatePatent(tx: Prisma.TransactionClient, id: number, patent: ImportedPatent, now: Date) {
  const columns: Record<string, unknown> = {
    type: patent.type,
    filingDate: patent.filingDate,
    expiresOn: patent.expiresOn,
    ...patent.fields,
    updatedAt: now,
  };
  if (
    patent.fields.transferable !== undefined ||
    patent.fields.valueScore !== undefined ||
    patent.fields.maturity !== undefined
  )
    columns.assessedAt = now;
  const assignments = Object.entries(columns).map(
    ([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`,
  );
  await tx.$executeRaw`UPDATE "Patent" SET ${Prisma.join(assignments)} WHERE "id" = ${id}`;
}

/** Imports every accepted row in one transaction, reading the file again; a failure leaves the database as it
 * was and the import FAILED with the reason. */
export async function commitImport(importId: string): Promise<void> {
  const record = await prisma.patentImport.findUniqueOrThrow({ where: { id: importId } });
  const headers = JSON.parse(record.headers) as string[];
  const mapping = JSON.parse(record.mapping) as ColumnMapping;
  progress.set(importId, { phase: "IMPORTING", rowsRead: 0, rowsTotal: record.rowsRead, at: Date.now() });
  try {
    const now = new Date();
    await prisma.$transaction(
      async (tx) => {
        const scanned = await scan(tx, record, headers, mapping, "IMPORTING", record.rowsRead, async (batch) => {
          const adding = batch.filter((row) => row.existingId === null);
          const ids = await reservePatentIds(tx, adding.length);
          const added = adding.map((row, i) => newPatentRow(row.patent, record.organizationId, ids[i], now));
          await insertPatents(tx, added);
          const updated = batch.filter((row) => row.existingId !== null);
          for (const row of updated) await updatePatent(tx, row.existingId!, row.patent, now);
          if (updated.length > 0) {
            const texts = await tx.patent.findMany({
              where: { id: { in: updated.map((row) => row.existingId!) } },
              select: INDEXED_TEXT,
            });
            await indexPatentText(tx, texts);
          }
        });
        await tx.patentImport.update({
          where: { id: importId },
          data: {
            status: "DONE",
            added: scanned.toAdd,
            updated: scanned.toUpdate,
            rejected: scanned.rejected,
            rowsRead: scanned.rowsRead,
            completedAt: new Date(),
            rejectionReport: scanned.rejections.map((rejection) => JSON.stringify(rejection)).join("\n"),
            rejectionSample: JSON.stringify(scanned.rejections.slice(0, SAMPLE_REJECTIONS)),
            preview: JSON.stringify({
              ...readPreview(record.preview),
              withoutIpc: scanned.withoutIpc,
            } satisfies StoredPreview),
          },
        });
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
    removeUpload(record.filePath);
  } catch (error) {
    await fail(importId, error);
  } finally {
    progress.delete(importId);
    lastHeartbeat.delete(importId);
  }
}

/** Starts work that the page follows by polling; its outcome is recorded on the import. */
function inBackground(work: Promise<void>) {
  work.catch((error) => console.error("background import work failed", error));
}

export function startAnalysis(importId: string) {
  inBackground(analyseImport(importId));
}

/** The user's own column mapping, checked against the file's headers; the preview is made again. */
export async function remapImport(user: CurrentUser, importId: string, mapping: Record<string, string>) {
  const record = await requireImportFor(user, importId);
  if (record.status !== "READY") throw new DomainError("NOT_READY", "import.notReady", { status: 409 });
  const headers = JSON.parse(record.headers) as string[];
  const chosen: ColumnMapping = {};
  const used = new Set<string>();
  for (const header of headers) {
    const target = mapping[header] ?? "";
    if (target !== "" && !(IMPORT_TARGETS as readonly string[]).includes(target))
      throw new DomainError("BAD_MAPPING", "import.badMapping", { status: 400, path: header });
    if (target !== "" && used.has(target))
      throw new DomainError("DOUBLE_MAPPING", "import.doubleMapping", { status: 400, path: header });
    if (target !== "") used.add(target);
    chosen[header] = (target || null) as ColumnMapping[string];
  }
  await prisma.patentImport.update({
    where: { id: importId },
    data: { status: "ANALYSING", mapping: JSON.stringify(chosen) },
  });
  inBackground(analyseImport(importId, chosen));
}

/**
 * The file's columns chosen for the required fields that were not recognised (field → the column's position):
 * each chosen column fills its field, in place of whatever it filled before; the rest of the mapping stays.
 * The preview is made again.
 */
export async function assignRequiredColumns(
  user: CurrentUser,
  importId: string,
  assignments: Partial<Record<ImportTarget, number>>,
) {
  const record = await requireImportFor(user, importId);
  if (record.status !== "READY") throw new DomainError("NOT_READY", "import.notReady", { status: 409 });
  const headers = JSON.parse(record.headers) as string[];
  const mapping = JSON.parse(record.mapping) as ColumnMapping;
  const entries = Object.entries(assignments) as Array<[ImportTarget, number]>;
  if (entries.length === 0) throw new DomainError("BAD_MAPPING", "import.assign.badColumn", { status: 400 });
  for (const [target, position] of entries) {
    if (!REQUIRED_TARGETS.includes(target))
      throw new DomainError("BAD_MAPPING", "import.badMapping", { status: 400, path: target });
    if (!Number.isInteger(position) || position < 0 || position >= headers.length)
      throw new DomainError("BAD_MAPPING", "import.assign.badColumn", { status: 400, path: target });
  }
  if (new Set(entries.map(([, position]) => position)).size < entries.length)
    throw new DomainError("DOUBLE_MAPPING", "import.assign.sameColumn", { status: 400 });
  const chosen: ColumnMapping = { ...mapping };
  for (const [target, position] of entries) {
    for (const header of headers) if (chosen[header] === target) chosen[header] = null;
    chosen[headers[position]] = target;
  }
  await prisma.patentImport.update({
    where: { id: importId },
    data: { status: "ANALYSING", mapping: JSON.stringify(chosen) },
  });
  inBackground(analyseImport(importId, chosen));
}

export async function confirmImport(user: CurrentUser, importId: string) {
  const record = await requireImportFor(user, importId);
  if (record.status !== "READY" || record.error) throw new DomainError("NOT_READY", "import.notReady", { status: 409 });
  if (record.toAdd + record.toUpdate === 0) throw new DomainError("NOTHING", "import.nothingToImport", { status: 409 });
  // Only one confirmation starts the import, however many clicks arrive.
  const claimed = await prisma.patentImport.updateMany({
    where: { id: importId, status: "READY" },
    data: { status: "IMPORTING" },
  });
  if (claimed.count === 0) throw new DomainError("NOT_READY", "import.notReady", { status: 409 });
  inBackground(commitImport(importId));
}

export async function cancelImport(user: CurrentUser, importId: string) {
  const record = await requireImportFor(user, importId);
  if (record.status !== "READY" && record.status !== "FAILED")
    throw new DomainError("NOT_READY", "import.notReady", { status: 409 });
  await prisma.patentImport.update({ where: { id: importId }, data: { status: "CANCELLED", completedAt: new Date() } });
  removeUpload(record.filePath);
}

/** An import as its page shows it, with live progress while it runs. */
export async function getImportFor(user: CurrentUser, importId: string) {
  let record = await requireImportFor(user, importId);
  const running = progress.get(importId);
  if (
    (record.status === "ANALYSING" || record.status === "IMPORTING") &&
    !running &&
    Date.now() - record.updatedAt.getTime() > STALLED_AFTER_MS
  ) {
    // No process is working on it (the server restarted): the transaction, if any, was rolled back.
    record = await prisma.patentImport.update({
      where: { id: importId },
      data: { status: "FAILED", error: "import.interrupted", completedAt: new Date() },
    });
    removeUpload(record.filePath);
  }
  const university = await prisma.organization.findUniqueOrThrow({
    where: { id: record.organizationId },
    select: { name: true, nameEn: true },
  });
  return {
    id: record.id,
    status: record.status as ImportStatus,
    fileName: record.fileName,
    fileBytes: record.fileBytes,
    format: record.format,
    encoding: record.encoding,
    university,
    organizationId: record.organizationId,
    headers: JSON.parse(record.headers) as string[],
    mapping: JSON.parse(record.mapping) as ColumnMapping,
    rowsRead: running?.rowsRead ?? record.rowsRead,
    rowsTotal: running?.rowsTotal ?? null,
    toAdd: record.toAdd,
    toUpdate: record.toUpdate,
    rejected: record.rejected,
    added: record.added,
    updated: record.updated,
    error: record.error,
    errorDetail: record.errorDetail,
    errorParams: errorParams(record.errorDetail),
    rejections: JSON.parse(record.rejectionSample) as Rejection[],
    ...previewOf(record.preview),
    createdAt: record.createdAt,
    completedAt: record.completedAt,
  };
}

function previewOf(json: string) {
  const { rows, withoutIpc, sample } = readPreview(json);
  return { preview: rows, withoutIpc, sample };
}

/** The values of a reason worded from them (see `fail`), or null when the detail is the reader's own text. */
function errorParams(detail: string | null): Record<string, string | number> | null {
  if (!detail?.startsWith("{")) return null;
  try {
    return JSON.parse(detail) as Record<string, string | number>;
  } catch {
    return null;
  }
}

export async function listImports(user: CurrentUser, universityId: string) {
  if (!canManageFor(user, universityId)) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  return prisma.patentImport.findMany({
    where: { organizationId: universityId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      fileName: true,
      status: true,
      toAdd: true,
      toUpdate: true,
      rejected: true,
      added: true,
      updated: true,
      createdAt: true,
      completedAt: true,
      createdById: true,
    },
  });
}

/** The rejected rows kept with their problems (the first KEPT_REJECTIONS), and how many more were rejected. */
export async function importRejections(
  user: CurrentUser,
  importId: string,
): Promise<{ fileName: string; rejections: Rejection[]; notListed: number }> {
  const record = await requireImportFor(user, importId);
  const rejections = record.rejectionReport
    ? record.rejectionReport.split("\n").map((line) => JSON.parse(line) as Rejection)
    : [];
  return { fileName: record.fileName, rejections, notListed: Math.max(0, record.rejected - rejections.length) };
}
