import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import type { Db } from "@/server/db/client";
import { mailerFromEnv } from "@/server/mail/mailer";
import { createCaller } from "@/server/trpc/root";
import { callerFor, createOrganization, type TestOrganization } from "../factories";
import { addInvitation, freshEmail, tokenOf } from "../factories/invitations";
import { createTestDatabase } from "../support/test-db";

const BASE_URL = "https://smarta.example";
const FROM = "Smarta <inbjudan@smarta.example>";
const PASSWORD = "Violet-Tundra-58-Kettle";

type Received = { from: string | undefined; to: string[]; user: unknown; raw: string };

// ---- a small reader for what nodemailer sends: headers, multipart/alternative, QP/base64 ----

function decodeEncodedWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*(?==\?)?/g, (_, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

function splitEntity(entity: string): { headers: Map<string, string>; body: string } {
  const separator = entity.search(/\r?\n\r?\n/);
  const head = entity.slice(0, separator).replace(/\r?\n[ \t]+/g, " ");
  const body = entity.slice(separator).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch (encoding?.toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable": {
      const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, "latin1").toString("utf8");
    }
    default:
      return body;
  }
}

function parseMail(raw: string) {
  const { headers, body } = splitEntity(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => splitEntity(part.replace(/^\r?\n/, "")))
    : [{ headers, body }];
  const partOf = (type: string) => {
    const part = parts.find((candidate) => (candidate.headers.get("content-type") ?? "").startsWith(type));
    return part ? decodeBody(part.body, part.headers.get("content-transfer-encoding")).replace(/\r\n/g, "\n") : "";
  };
  return {
    subject: decodeEncodedWords(headers.get("subject") ?? ""),
    from: decodeEncodedWords(headers.get("from") ?? ""),
    to: headers.get("to") ?? "",
    text: partOf("text/plain"),
    html: partOf("text/html"),
  };
}

describe("invitation e-mail over a real SMTP server", () => {
  let db: Db;
  let org: TestOrganization;
  let server: SMTPServer;
  let port: number;
  const received: Received[] = [];
  /** Recipients the server refuses, to see a delivery fail. */
  const refused = new Set<string>();

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === "smarta" && auth.password === "mail-secret") return callback(null, { user: auth.username });
        return callback(new Error("Invalid username or password"));
      },
      onRcptTo(address, _session, callback) {
        if (refused.has(address.address)) return callback(new Error("Mailbox unavailable"));
        return callback();
      },
      onData(stream, session: SMTPServerSession, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            user: session.user,
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;

    db = (await createTestDatabase()).prisma;
    org = await createOrganization(db, { name: "Mejlgården AB" });
  });

  function configureSmtp(overrides: Record<string, string> = {}) {
    const values: Record<string, string> = {
      NEXTAUTH_URL: BASE_URL,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(port),
      SMTP_SECURE: "false",
      SMTP_USER: "smarta",
      SMTP_PASSWORD: "mail-secret",
      SMTP_FROM: FROM,
      ...overrides,
    };
    for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
    resetEnvCache();
  }

  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
    received.length = 0;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const admin = () => callerFor(db, org.members.ADMIN.userId).invitation;
  const anonymous = () => createCaller({ db, claims: null, clientIp: "198.51.100.40" }).invitation;

  it("has no mailer without SMTP_HOST, and then only hands out the link", async () => {
    vi.stubEnv("SMTP_HOST", "");
    vi.stubEnv("NEXTAUTH_URL", BASE_URL);
    resetEnvCache();
    expect(mailerFromEnv()).toBeNull();
    const issued = await admin().create({ orgSlug: org.organization.slug, email: freshEmail(), role: "EMPLOYEE" });
    expect(issued).toMatchObject({ emailed: false, warningKey: null });
    expect((await admin().formOptions({ orgSlug: org.organization.slug })).mailConfigured).toBe(false);
    expect(received).toHaveLength(0);
  });

  it("e-mails the invitation in the organisation's Swedish, and the mailed link lets the person join", async () => {
    configureSmtp();
    expect((await admin().formOptions({ orgSlug: org.organization.slug })).mailConfigured).toBe(true);
    const email = freshEmail("mottagare");
    const issued = await admin().create({ orgSlug: org.organization.slug, email, name: "Märta Mottagare", role: "EMPLOYEE", teamId: org.team.id });
    expect(issued).toMatchObject({ emailed: true, warningKey: null });

    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.to).toEqual([email]);
    expect(delivery!.from).toBe("inbjudan@smarta.example");
    expect(delivery!.user).toBe("smarta");
    const mail = parseMail(delivery!.raw);
    expect(mail.to).toContain(email);
    expect(mail.from).toBe(FROM);
    expect(mail.subject).toBe("Inbjudan till Mejlgården AB i Smarta");
    expect(mail.text).toContain("Hej Märta Mottagare!");
    expect(mail.text).toContain(`${org.members.ADMIN.name} har bjudit in dig till Mejlgården AB`);
    expect(mail.text).toContain(issued.link);
    expect(mail.html).toContain(`href="${issued.link}"`);

    // the link as the person receives it
    const mailedLink = /https:\/\/smarta\.example\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(mailedLink).toBe(issued.link);
    const token = tokenOf(mailedLink!);
    expect((await anonymous().preview({ token })).state).toBe("valid");
    await expect(anonymous().accept({ token, kind: "new", name: "Märta Mottagare", password: PASSWORD })).resolves.toEqual({
      organizationSlug: org.organization.slug,
      email,
    });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.membership.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ teamId: org.team.id, status: "ACTIVE" });
  });

  it("writes English for an English organisation", async () => {
    configureSmtp();
    const english = await createOrganization(db, { name: "Mailhouse Ltd" });
    await db.organization.update({ where: { id: english.organization.id }, data: { locale: "en" } });
    const email = freshEmail("recipient");
    await callerFor(db, english.members.HR.userId).invitation.create({ orgSlug: english.organization.slug, email, role: "MANAGER" });
    const mail = parseMail(received[0]!.raw);
    expect(received[0]!.to).toEqual([email]);
    expect(mail.subject).toBe("Invitation to join Mailhouse Ltd on Smarta");
    expect(mail.text).toContain(`${english.members.HR.name} has invited you to Mailhouse Ltd`);
    expect(mail.text).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
  });

  it("e-mails the new link when an invitation is renewed", async () => {
    configureSmtp();
    const { invitation } = await addInvitation(db, org.organization.id, { expiresAt: new Date(Date.now() - 1000) });
    const renewed = await admin().renew({ orgSlug: org.organization.slug, id: invitation.id });
    expect(renewed.emailed).toBe(true);
    expect(received.map((delivery) => delivery.to)).toEqual([[invitation.email]]);
    expect(parseMail(received[0]!.raw).text).toContain(renewed.link);
  });

  it("keeps the invitation and says so when the mail server refuses the message", async () => {
    configureSmtp();
    const email = freshEmail("refused");
    refused.add(email);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const issued = await admin().create({ orgSlug: org.organization.slug, email, role: "EMPLOYEE" });
      expect(issued).toMatchObject({ emailed: false, warningKey: "invitations.warnings.mailFailed" });
      expect((await anonymous().preview({ token: tokenOf(issued.link) })).state).toBe("valid");
      expect(errors).toHaveBeenCalledOnce();
      expect(String(errors.mock.calls[0]![0])).not.toContain(tokenOf(issued.link));
    } finally {
      errors.mockRestore();
    }
    expect(received).toHaveLength(0);
  });

  it("keeps the invitation when the mail server cannot be reached or refuses the login", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      for (const overrides of [{ SMTP_PASSWORD: "wrong" }, { SMTP_PORT: "1" }] as Record<string, string>[]) {
        configureSmtp(overrides);
        const email = freshEmail();
        const issued = await admin().create({ orgSlug: org.organization.slug, email, role: "EMPLOYEE" });
        expect(issued, JSON.stringify(overrides)).toMatchObject({ emailed: false, warningKey: "invitations.warnings.mailFailed" });
        expect(await db.invitation.count({ where: { email, revokedAt: null } })).toBe(1);
      }
    } finally {
      errors.mockRestore();
    }
    expect(received).toHaveLength(0);
  });
});
