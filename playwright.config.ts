import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium; Playwright's own browser downloads cannot work on these machines.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    // our users are Swedish first: the browser asks for Swedish, as theirs do
    locale: "sv-SE",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], locale: "sv-SE", launchOptions: chromium },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    // a fresh embedded database every run: the start script migrates and seeds it
    command: `rm -rf e2e/.data/${PORT} && node node_modules/tsx/dist/cli.mjs scripts/start.ts`,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      PGLITE_DATA_DIR: `e2e/.data/${PORT}/pglite`,
      NEXTAUTH_URL: baseURL,
      SMARTA_SKIP_BUILD: process.env.E2E_BUILD === "1" ? "0" : "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
