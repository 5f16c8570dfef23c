// Vitest global setup for the integration suite on PostgreSQL: a private server (tests/helpers/postgres-
// server.ts) with one database migrated as production, which every test file clones (CREATE DATABASE …
// TEMPLATE, in tests/helpers/test-database.ts) so that files never share state.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migratePostgres } from "../../scripts/postgres-migrate";
import { startPostgres } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    replicaBaseUrl: string | null;
  }
}

export const TEMPLATE = "patentbridge_template";

export default async function setup(project: TestProject) {
  // With a hot standby: tests/integration/read-replica.test.ts reads through it.
  const server = await startPostgres({ replica: true });
  try {
    const admin = new pg.Client({ connectionString: `${server.baseUrl}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE} ENCODING 'UTF8'`);
    await admin.end();
    await migratePostgres(`${server.baseUrl}/${TEMPLATE}`, () => {});
  } catch (error) {
    server.stop();
    throw error;
  }
  project.provide("templateDatabase", `${server.baseUrl}/${TEMPLATE}`);
  project.provide("replicaBaseUrl", server.replicaBaseUrl);
  return () => server.stop();
}
