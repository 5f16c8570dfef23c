import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "prisma/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/helpers/messages.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Several app servers share a database only on PostgreSQL: SQLite is one server's database.
          exclude: ["tests/integration/several-servers.test.ts", "tests/integration/read-replica.test.ts"],
          globalSetup: ["tests/helpers/template-database.ts"],
          setupFiles: ["tests/helpers/messages.ts", "tests/helpers/test-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The same suite on PostgreSQL (docs/decisions/012). Backup and crash tests are about SQLite's own
          // file; PostgreSQL's durability and pg_dump are PostgreSQL's. The realism report is about
          // the seed's content, which seed.test.ts already writes to PostgreSQL.
          name: "integration-postgresql",
          include: ["tests/integration/**/*.test.ts"],
          exclude: [
            "tests/integration/backup.test.ts",
            "tests/integration/crash.test.ts",
            "tests/integration/realism-report.test.ts",
          ],
          globalSetup: ["tests/helpers/template-database-postgres.ts"],
          setupFiles: ["tests/helpers/messages.ts", "tests/helpers/test-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/helpers/e2e-server.ts"],
          setupFiles: ["tests/helpers/messages.ts"],
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
