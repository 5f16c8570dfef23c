// npm run db:migrate: applies pending migrations to DATABASE_URL (default prisma/data.db; a postgresql:// URL
// gets PostgreSQL's own migrations).
import { migrateDatabase } from "./migrate-database";

await migrateDatabase();
