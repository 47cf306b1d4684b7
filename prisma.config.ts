// Prisma CLI configuration. The app itself never reads this file: it builds its client in src/server/db.ts.
// Migrations run through scripts/db-migrate.ts (WASM schema engine, no binary download): see ADR 0002.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
