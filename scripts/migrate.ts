// npm run db:migrate: applies pending migrations to DATABASE_URL (default prisma/data.db).
import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "../app/lib/database-url";
import { runPrisma } from "./prisma";

fs.mkdirSync(path.dirname(databaseFile()), { recursive: true });
runPrisma(["migrate", "deploy"]);
