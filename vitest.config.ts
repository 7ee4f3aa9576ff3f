import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

// Integration tests run on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set.
const databases = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgresql"] : [])];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node" },
      },
      ...databases.map((database) => ({
        resolve: { alias },
        test: {
          name: `integration-${database}`,
          include: ["tests/integration/**/*.int.test.ts"],
          environment: "node" as const,
          globalSetup: ["tests/support/global-setup.ts"],
          env: { SMARTA_TEST_DATABASE: database, NODE_ENV: "test" as const },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
    ],
  },
});
