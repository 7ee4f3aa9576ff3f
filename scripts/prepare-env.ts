import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Fills in what a quick start on one machine needs but nobody configured: a session secret
 * kept beside the embedded database, and the public URL for next-auth. Deployments set both.
 */
export function prepareEnvironment(): { port: number; hostname: string } {
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME?.trim() || "0.0.0.0";
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (!process.env.NEXTAUTH_SECRET) {
    const dataRoot = path.dirname(path.resolve(process.env.PGLITE_DATA_DIR?.trim() || ".data/pglite"));
    const secretFile = path.join(dataRoot, "auth-secret");
    fs.mkdirSync(dataRoot, { recursive: true });
    if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.NEXTAUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
  }
  return { port, hostname };
}
