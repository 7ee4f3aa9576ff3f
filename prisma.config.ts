import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPGliteDirectory, pgliteDataDirFromEnv, type OpenedPGlite } from "./src/server/db/pglite";

// The CLI downloads a native engine when DATABASE_URL is unset, even with an adapter.
const embedded = !process.env.DATABASE_URL;
if (embedded) process.env.DATABASE_URL = "postgresql://embedded@localhost/pglite";

// The CLI calls the adapter factory more than once per command: one PGlite per process.
let opened: Promise<OpenedPGlite> | undefined;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (!embedded) return new PrismaPg({ connectionString: process.env.DATABASE_URL });
    opened ??= openPGliteDirectory(pgliteDataDirFromEnv());
    return new PrismaPGlite((await opened).pglite);
  },
});
