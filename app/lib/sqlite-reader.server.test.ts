import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { firstRead } from "../../tests/helpers/side-reader";
import { sqliteReader } from "./sqlite-reader.server";

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "sqlite-reader-"));
const file = path.join(directory, "reader.db");
const writer = new Database(file);
writer.pragma("journal_mode = WAL");
writer.exec("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note (text) VALUES ('一'), ('二');");

afterAll(() => {
  writer.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe("the side reader", () => {
  it("declines reads until its worker is ready, then reads on the worker, committed rows included", async () => {
    const reader = sqliteReader(file, 1_000);
    expect(reader.get("SELECT count(*) AS n FROM note", [])).toBeNull();
    expect(await firstRead(reader, "SELECT count(*) AS n FROM note", [])).toEqual({ n: 2 });
    writer.prepare("INSERT INTO note (text) VALUES (?)").run("三");
    expect(await reader.get("SELECT group_concat(text, '') AS texts FROM note WHERE id >= ?", [2])).toEqual({
      texts: "二三",
    });
    expect(await reader.get("SELECT text FROM note WHERE id = ?", [99])).toBeNull();
    await reader.close();
  });

  it("reports SQLite's refusal of a statement, and cannot write", async () => {
    const reader = sqliteReader(file, 1_000);
    await expect(firstRead(reader, "SELECT missing_column FROM note", [])).rejects.toThrow(
      /no such column: missing_column/,
    );
    await expect(reader.get("DELETE FROM note RETURNING id", [])).rejects.toThrow(/readonly/);
    expect(writer.prepare("SELECT count(*) AS n FROM note").get()).toEqual({ n: 3 });
    await reader.close();
  });

  it("starts again after its worker stopped", async () => {
    const reader = sqliteReader(file, 1_000);
    await firstRead(reader, "SELECT 1 AS one", []);
    await reader.close();
    expect(reader.get("SELECT 1 AS one", [])).toBeNull();
    expect(await firstRead(reader, "SELECT 2 AS two", [])).toEqual({ two: 2 });
    await reader.close();
  });
});
