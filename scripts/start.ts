/**
 * `npm start`: builds the app if the build is missing or older than the sources, opens the
 * database (the embedded one migrates itself), seeds the demo organisation into an empty
 * embedded database, and serves the app. The database stays open in this process, which
 * also holds the embedded database's lock.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { formatDemoAccounts } from "../prisma/seed/demo-accounts";
import { seedDemo } from "../prisma/seed/demo";
import { CLIENT_IP_HEADER } from "../src/server/auth/client-ip";
import { getDatabase } from "../src/server/db/client";
import { migrationState } from "../src/server/db/migrate";
import { prepareEnvironment } from "./prepare-env";

const root = process.cwd();
const BUILD_INPUTS = ["src", "public", "next.config.mjs", "tailwind.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, child) => Math.max(newest, newestChange(path.join(entry, child))), stat.mtimeMs);
}

function buildIfNeeded() {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...BUILD_INPUTS.map((entry) => newestChange(path.join(root, entry))));
  if (builtAt > sourcesAt && process.env.SMARTA_FORCE_BUILD !== "1") return;
  console.log(builtAt ? "Sources changed since the last build; building…" : "No production build yet; building…");
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function main() {
  const { port, hostname } = prepareEnvironment();
  if (process.env.SMARTA_SKIP_BUILD !== "1") buildIfNeeded();
  (process.env as Record<string, string>).NODE_ENV = "production";

  const started = Date.now();
  const database = await getDatabase();
  const state = await database.withSession((session) => migrationState(session));
  if (state.pending.length > 0) {
    console.warn(`Migrations pending on PostgreSQL: ${state.pending.join(", ")}. Run \`npm run db:migrate\`.`);
  }
  const seedWanted = process.env.SMARTA_SEED_DEMO ? process.env.SMARTA_SEED_DEMO === "true" : database.kind === "pglite";
  if (seedWanted && state.pending.length === 0) {
    const { created } = await seedDemo(database.prisma, { log: (line) => console.log(line) });
    if (created) {
      // the embedded database has no autovacuum: without statistics the report queries plan badly
      await database.prisma.$executeRawUnsafe("ANALYZE");
      console.log("Seeded the demo organisations.");
    }
    console.log(formatDemoAccounts());
  }

  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    // the socket's address, for sign-in throttling; never a copy the client sent
    request.headers[CLIENT_IP_HEADER] = request.socket.remoteAddress ?? "unknown";
    void handle(request, response);
  });
  server.listen(port, hostname, () => {
    console.log(
      `Smarta is ready on http://localhost:${port} (${database.kind}, ${((Date.now() - started) / 1000).toFixed(1)} s after the build check)`,
    );
  });

  const shutdown = () => {
    server.close();
    void database.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
