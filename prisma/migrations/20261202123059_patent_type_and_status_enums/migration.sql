-- Patent type and legal status became Prisma enums (the PostgreSQL migration of the same name converts its
-- columns). On SQLite an enum is a text column, as these were: nothing changes in the database.
SELECT 1;
