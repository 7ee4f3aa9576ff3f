/**
 * `npm run bench:load`: a load run against the production server on PostgreSQL. Seeds the large
 * organisation into a scratch database beside DATABASE_URL, starts `scripts/start.ts` on it (the
 * build must exist: `npm run build`), signs in by script as a handful of its people, then sends
 * 50 connections for 60 s of mixed reads and writes with autocannon and reports requests per
 * second, latency percentiles and errors. Appends the figures to bench/results.md.
 *
 *   npm run build && npm run bench:load
 *   LOAD_SECONDS=30 LOAD_CONNECTIONS=20 npm run bench:load
 */
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import superjson from "superjson";
import { todayOf } from "../src/features/checkins/progress";
import { hashPassword } from "../src/server/auth/password";
import { withScratchPostgres } from "./databases";
import { LARGE_PASSWORD, largeEmail, seedLargeOrganization, type LargeOrg } from "./large-org";

const PORT = Number(process.env.LOAD_PORT ?? 3400);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);

async function waitForHealth(server: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not answer /api/health within 120 s");
}

/** next-auth's credentials flow, as the sign-in form does it; answers the session cookie. */
async function signIn(email: string): Promise<string> {
  const csrfResponse = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: LARGE_PASSWORD, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${response.status})`);
  return session.split(";")[0]!;
}

const trpcQuery = (path: string, input: unknown) =>
  `/api/trpc/${path}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(input) }))}`;

function requests(org: LargeOrg, employeeCookie: string, leadCookie: string): autocannon.Request[] {
  const orgSlug = org.slug;
  const today = todayOf(new Date());
  let written = 0;
  return [
    { method: "GET", path: `/o/${orgSlug}`, headers: { cookie: employeeCookie } },
    { method: "GET", path: trpcQuery("goal.list", { orgSlug, scope: "team", periodId: org.periodId }), headers: { cookie: leadCookie } },
    { method: "GET", path: trpcQuery("checkIn.due", { orgSlug }), headers: { cookie: leadCookie } },
    {
      method: "POST",
      path: "/api/trpc/checkIn.submit?batch=1",
      headers: { cookie: employeeCookie, "content-type": "application/json" },
      setupRequest: (request) => {
        written += 1;
        const goalId = org.employeeGoalIds[written % org.employeeGoalIds.length]!;
        const input = {
          orgSlug,
          goalId,
          clientKey: `load-${process.pid}-${written}`,
          reading: { kind: "value", value: 40 + (written % 50) },
          confidence: 1 + (written % 10),
          comment: "",
          effectiveDate: today,
          replacesId: null,
        };
        return { ...request, body: JSON.stringify({ 0: superjson.serialize(input) }) };
      },
    },
    { method: "GET", path: `/o/${orgSlug}/goals`, headers: { cookie: leadCookie } },
  ];
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const passwordHash = await hashPassword(LARGE_PASSWORD);
  await withScratchPostgres(async ({ handle, url }) => {
    const org = await seedLargeOrganization(handle.prisma, { tag: "load", today: todayOf(new Date()), passwordHash });
    await handle.prisma.$executeRawUnsafe("ANALYZE");
    console.log(`seeded ${org.counts.people} people, ${org.counts.goals} goals, ${org.counts.checkIns} check-ins`);

    const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: url!, PORT: String(PORT), NEXTAUTH_URL: BASE, SMARTA_SKIP_BUILD: "1", SMARTA_SEED_DEMO: "false" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    try {
      await waitForHealth(server);
      // the employee whose goals take the writes, and a team lead for the team views
      const employeeCookie = await signIn(largeEmail(9_999, "load"));
      const leadCookie = await signIn(largeEmail(11, "load"));
      // one request of each kind first: a broken route fails here, not as a statistic
      for (const request of requests(org, employeeCookie, leadCookie)) {
        const body = request.setupRequest ? request.setupRequest({ ...request }, {}).body : undefined;
        const response = await fetch(`${BASE}${request.path}`, { method: request.method, headers: request.headers, body });
        if (!response.ok) throw new Error(`${request.method} ${request.path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      }

      // autocannon's own percentiles skip p95, so every response time is kept
      const times: number[] = [];
      const instance = autocannon({ url: BASE, connections: CONNECTIONS, duration: SECONDS, requests: requests(org, employeeCookie, leadCookie) });
      instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
      const result = await new Promise<autocannon.Result>((resolve) => instance.on("done", resolve));
      times.sort((a, b) => a - b);
      const p95 = times[Math.max(0, Math.ceil(times.length * 0.95) - 1)] ?? 0;
      const total = result.requests.total;
      const errors = result.errors + result.timeouts + result.non2xx;
      const summary = [
        `Load run (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC): ${CONNECTIONS} connections for ${SECONDS} s against next start on PostgreSQL,`,
        `mixed home page, goal list page, goal.list, checkIn.due and checkIn.submit (one in five requests writes).`,
        "",
        "| requests | requests/s (mean) | latency p50 ms | p95 ms | p99 ms | errors | error rate |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        `| ${total} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${p95.toFixed(0)} | ${result.latency.p99} | ${errors} | ${((errors / Math.max(1, total)) * 100).toFixed(3)} % |`,
      ].join("\n");
      console.log(`\n${summary}`);
      fs.appendFileSync("bench/results.md", `\n## Load run\n\n${summary}\n`);
      if (errors / Math.max(1, total) >= 0.001) process.exitCode = 1;
    } finally {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
