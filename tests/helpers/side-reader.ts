import type { SqliteReader } from "~/lib/sqlite-reader.server";

/** The first read a side reader accepts, once its worker has opened the file (it declines reads until then). */
export async function firstRead(reader: SqliteReader, sql: string, params: unknown[]) {
  for (let attempt = 0; attempt < 500; attempt++) {
    const row = reader.get(sql, params);
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the side reader never became ready");
}
