import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { dictionary } from "@zxcvbn-ts/language-common";
import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { authenticate, type AuthenticationResult } from "@/server/auth/authenticate";
import { recordFailure, secondsUntilAllowed, THROTTLE_WINDOW_MS, throttleKeys } from "@/server/auth/throttle";
import type { DatabaseHandle, Db } from "@/server/db/client";
import { createCaller } from "@/server/trpc/root";
import { addMember, callerFor, createOrganization, createUser } from "../factories";
import { secondPrismaClient } from "../support/second-client";
import { createTestDatabase } from "../support/test-db";
import { failureOf } from "../support/trpc-errors";

const PASSWORD = "Violet-Tundra-58-Kettle";

const tag = () => randomBytes(4).toString("hex");

/** A distinct client address per call, so only the key under test can throttle. */
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}-${tag()}`;

function zodIssues(error: TRPCError): { path: string; message: string }[] {
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** The first password of 12+ characters among the 10,000 most common ones. */
const commonLongPassword = dictionary["passwords-common"]
  .slice(0, 10_000)
  .find((password) => password.length >= 12)!;

describe("auth", () => {
  let handle: DatabaseHandle;
  let db: Db;

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.prisma;
  });

  const signUpInput = (overrides: Record<string, unknown> = {}) => ({
    name: `Ada ${tag()}`,
    email: `ada-${tag()}@example.test`,
    password: PASSWORD,
    organizationName: `Org ${tag()}`,
    locale: "en",
    ...overrides,
  });

  /** A user who can sign in with PASSWORD, made through the sign-up procedure. */
  async function signUpUser(overrides: Record<string, unknown> = {}) {
    const input = signUpInput(overrides);
    const result = await callerFor(db, null).auth.signUp(input as never);
    const user = await db.user.findUniqueOrThrow({ where: { email: String(input.email).trim().toLowerCase() } });
    return { ...result, input, user };
  }

  describe("auth.signUp", () => {
    it("creates the user, an organisation with a derived slug, an ADMIN membership and a current period", async () => {
      const suffix = tag();
      const { organizationSlug, user } = await signUpUser({
        name: "Åsa Berg",
        email: `  Asa.Berg-${suffix}@Example.TEST `,
        organizationName: `Åre Ölbryggeri ${suffix}`,
        locale: "en",
      });

      expect(organizationSlug).toBe(`are-olbryggeri-${suffix}`);
      expect(user).toMatchObject({ name: "Åsa Berg", email: `asa.berg-${suffix}@example.test`, locale: "en", sessionVersion: 0 });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(user.passwordHash).not.toContain(PASSWORD);

      const organization = await db.organization.findUniqueOrThrow({
        where: { slug: organizationSlug },
        include: { memberships: true, periods: true },
      });
      expect(organization).toMatchObject({ name: `Åre Ölbryggeri ${suffix}`, locale: "en" });
      expect(organization.memberships).toHaveLength(1);
      expect(organization.memberships[0]).toMatchObject({ userId: user.id, role: "ADMIN", status: "ACTIVE" });
      const year = new Date().getUTCFullYear();
      expect(organization.periods).toHaveLength(1);
      expect(organization.periods[0]).toMatchObject({
        name: String(year),
        isCurrent: true,
        startDate: new Date(Date.UTC(year, 0, 1)),
        endDate: new Date(Date.UTC(year, 11, 31)),
      });

      const me = await callerFor(db, user.id).member.me({ orgSlug: organizationSlug });
      expect(me.role).toBe("ADMIN");
      expect(me.name).toBe("Åsa Berg");
      expect(me.organization).toEqual({ slug: organizationSlug, name: `Åre Ölbryggeri ${suffix}`, locale: "en" });
    });

    it("refuses a second sign-up with the same e-mail in another case and spacing", async () => {
      const email = `dup-${tag()}@example.test`;
      await signUpUser({ email });
      const before = await db.organization.count();

      const error = await failureOf(
        callerFor(db, null).auth.signUp(signUpInput({ email: `  ${email.toUpperCase()}  ` }) as never),
      );
      expect(error.code).toBe("CONFLICT");
      expect(error.cause).toBeInstanceOf(AppError);
      const cause = error.cause as AppError;
      expect(cause.messageKey).toBe("emailTaken");
      expect(cause.fieldErrors.email).toContain("emailTaken");
      expect(await db.user.count({ where: { email } })).toBe(1);
      expect(await db.organization.count()).toBe(before);
    });

    it("gives two organisations of the same name different slugs", async () => {
      const name = `Samma Namn ${tag()}`;
      const first = await signUpUser({ organizationName: name });
      const second = await signUpUser({ organizationName: name });
      const base = name.toLowerCase().replace(/ /g, "-");
      expect(first.organizationSlug).toBe(base);
      expect(second.organizationSlug).toBe(`${base}-2`);
      const me = await callerFor(db, second.user.id).member.me({ orgSlug: second.organizationSlug });
      expect(me.organization.name).toBe(name);
      expect(me.role).toBe("ADMIN");
    });

    it("refuses a password shorter than 12 characters", async () => {
      const input = signUpInput({ password: "Sh0rt-pass!" });
      expect(input.password).toHaveLength(11);
      const error = await failureOf(callerFor(db, null).auth.signUp(input as never));
      expect(error.code).toBe("BAD_REQUEST");
      expect(zodIssues(error)).toContainEqual({ path: "password", message: "passwordTooShort" });
      expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    });

    it("refuses a long password from the 10,000 most common ones", async () => {
      expect(commonLongPassword.length).toBeGreaterThanOrEqual(12);
      const input = signUpInput({ password: commonLongPassword });
      const error = await failureOf(callerFor(db, null).auth.signUp(input as never));
      expect(error.code).toBe("BAD_REQUEST");
      expect(zodIssues(error)).toContainEqual({ path: "password", message: "passwordTooCommon" });
      expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    });

    it("refuses unknown keys such as organizationId", async () => {
      const other = await createOrganization(db);
      const input = signUpInput({ organizationId: other.organization.id });
      const error = await failureOf(callerFor(db, null).auth.signUp(input as never));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeInstanceOf(ZodError);
      expect((error.cause as ZodError).issues).toContainEqual(
        expect.objectContaining({ code: "unrecognized_keys", keys: ["organizationId"] }),
      );
      expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    });
  });

  describe("authenticate()", () => {
    const attempt = (email: string, password: string, clientIp = freshIp()) =>
      authenticate(db, { email, password, clientIp });

    const expectThrottled = (result: AuthenticationResult) => {
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ reason: "throttled" });
      const seconds = (result as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(Number.isInteger(seconds)).toBe(true);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(60);
      return result;
    };

    it("signs in with the right password (e-mail in any case) and refuses a wrong one", async () => {
      const { user } = await signUpUser();
      const ok = await attempt(`  ${user.email.toUpperCase()} `, PASSWORD);
      expect(ok).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: 0 } });
      expect(await attempt(user.email, `${PASSWORD}x`)).toEqual({ ok: false, reason: "invalid" });
      expect(await attempt(user.email, PASSWORD.toLowerCase())).toEqual({ ok: false, reason: "invalid" });
    });

    it("answers an unknown e-mail exactly like a wrong password", async () => {
      const { user } = await signUpUser();
      const wrongPassword = await attempt(user.email, "not-the-password-at-all");
      const unknownEmail = await attempt(`nobody-${tag()}@example.test`, PASSWORD);
      expect(unknownEmail).toEqual({ ok: false, reason: "invalid" });
      expect(unknownEmail).toStrictEqual(wrongPassword);
      expect(Object.keys(unknownEmail)).toEqual(Object.keys(wrongPassword));
    });

    it("refuses a disabled account with the same answer", async () => {
      const { user } = await signUpUser();
      await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
      expect(await attempt(user.email, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    });

    it("throttles an account after 5 failures within a minute, even with the right password", async () => {
      const { user } = await signUpUser();
      for (let i = 0; i < 4; i++) expect(await attempt(user.email, "wrong-password-123")).toEqual({ ok: false, reason: "invalid" });
      // the fifth failure is still answered as a failure…
      expect(await attempt(user.email, "wrong-password-123")).toEqual({ ok: false, reason: "invalid" });
      // …and after it, the account waits, whatever the password and whichever the address
      const throttled = expectThrottled(await attempt(user.email, PASSWORD));
      expect(Object.keys(throttled).sort()).toEqual(["ok", "reason", "retryAfterSeconds"]);
      expectThrottled(await attempt(user.email.toUpperCase(), PASSWORD));
    });

    it("throttles an unknown e-mail in the same way", async () => {
      const { user } = await signUpUser();
      const unknown = `ghost-${tag()}@example.test`;
      for (let i = 0; i < 5; i++) await attempt(unknown, PASSWORD);
      for (let i = 0; i < 5; i++) await attempt(user.email, "wrong-password-123");
      const forUnknown = expectThrottled(await attempt(unknown, PASSWORD));
      const forKnown = expectThrottled(await attempt(user.email, PASSWORD));
      expect(Object.keys(forUnknown).sort()).toEqual(Object.keys(forKnown).sort());
    });

    it("throttles a client address after 5 failures against different accounts, for that address only", async () => {
      const { user } = await signUpUser();
      const ip = freshIp();
      for (let i = 0; i < 5; i++) {
        expect(await attempt(`victim-${i}-${tag()}@example.test`, "guess-password-123", ip)).toEqual({ ok: false, reason: "invalid" });
      }
      expectThrottled(await attempt(user.email, PASSWORD, ip));
      expect(await attempt(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true, user: { id: user.id } });
    });

    // authenticate() records each attempt before it counts, so a parallel burst cannot slip past
    it("checks at most 5 passwords of a burst of parallel attempts on one account", async () => {
      const { user } = await signUpUser();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => attempt(user.email, `parallel-guess-${i}-${tag()}`)),
      );
      for (const result of results) expect(result.ok).toBe(false);
      const checked = results.filter((result) => !result.ok && result.reason === "invalid").length;
      expect(checked).toBeLessThanOrEqual(5);
    });

    it("keeps the throttle in the database, where another client of it sees it", async () => {
      const { user } = await signUpUser();
      const other = await secondPrismaClient(handle);
      try {
        expect(other.prisma).not.toBe(db);
        for (let i = 0; i < 5; i++) await attempt(user.email, "wrong-password-123");
        // the failures are rows, not process memory
        expect(await other.prisma.signInFailure.count({ where: { key: `account:${user.email}` } })).toBe(5);
        const keys = throttleKeys(user.email, freshIp());
        expect(await secondsUntilAllowed(other.prisma, keys)).toBeGreaterThanOrEqual(1);
        expectThrottled(await authenticate(other.prisma, { email: user.email, password: PASSWORD, clientIp: freshIp() }));
      } finally {
        await other.close();
      }
    });

    it("forgets failures older than the 60 second window", async () => {
      const keys = throttleKeys(`window-${tag()}@example.test`, freshIp());
      // injected times near the real clock: recordFailure also prunes rows older than a day
      const t0 = new Date();
      for (let i = 0; i < 5; i++) await recordFailure(db, keys, new Date(t0.getTime() + i * 1000));
      // the oldest counted failure is at t0, so the wait ends at t0 + 60 s
      expect(await secondsUntilAllowed(db, keys, new Date(t0.getTime() + 4_000))).toBe(56);
      expect(await secondsUntilAllowed(db, keys, new Date(t0.getTime() + 30_000))).toBe(30);
      expect(await secondsUntilAllowed(db, keys, new Date(t0.getTime() + THROTTLE_WINDOW_MS - 1))).toBe(1);
      expect(await secondsUntilAllowed(db, keys, new Date(t0.getTime() + THROTTLE_WINDOW_MS))).toBe(0);
      expect(await secondsUntilAllowed(db, keys, new Date(t0.getTime() + THROTTLE_WINDOW_MS + 1))).toBe(0);

      // four recent failures and one from 61 s ago: not throttled
      const mixed = throttleKeys(`mixed-${tag()}@example.test`, freshIp());
      const now = new Date();
      await recordFailure(db, mixed, new Date(now.getTime() - 61_000));
      for (let i = 0; i < 4; i++) await recordFailure(db, mixed, new Date(now.getTime() - 10_000 + i));
      expect(await secondsUntilAllowed(db, mixed, now)).toBe(0);
      // a fifth recent one tips it over
      await recordFailure(db, mixed, new Date(now.getTime() - 5_000));
      expect(await secondsUntilAllowed(db, mixed, now)).toBe(50);
    });

    it("clears the account's failures on a successful sign-in", async () => {
      const { user } = await signUpUser();
      for (let i = 0; i < 4; i++) await attempt(user.email, "wrong-password-123");
      expect(await db.signInFailure.count({ where: { key: `account:${user.email}` } })).toBe(4);
      expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: true });
      expect(await db.signInFailure.count({ where: { key: `account:${user.email}` } })).toBe(0);
      // without the reset this would be the fifth failure in the window and the next try would wait
      expect(await attempt(user.email, "wrong-password-123")).toEqual({ ok: false, reason: "invalid" });
      expect(await attempt(user.email, PASSWORD)).toMatchObject({ ok: true });
    });
  });

  describe("sessions and account", () => {
    it("ends every session on signOutEverywhere", async () => {
      const user = await createUser(db);
      expect(await callerFor(db, user.id, 0).account.get()).toEqual({ name: user.name, email: user.email, locale: null });
      expect(await callerFor(db, user.id, 0).account.signOutEverywhere()).toEqual({ ok: true });
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
      expect((await failureOf(callerFor(db, user.id, 0).account.get())).code).toBe("UNAUTHORIZED");
      expect(await callerFor(db, user.id, 1).account.get()).toMatchObject({ email: user.email });
    });

    it("refuses a disabled user", async () => {
      const user = await createUser(db);
      const { organization } = await createOrganization(db);
      await addMember(db, organization.id, user.id, "EMPLOYEE");
      expect(await callerFor(db, user.id).account.get()).toMatchObject({ email: user.email });
      await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
      expect((await failureOf(callerFor(db, user.id).account.get())).code).toBe("UNAUTHORIZED");
      expect((await failureOf(callerFor(db, user.id).organization.listMine())).code).toBe("UNAUTHORIZED");
      expect((await failureOf(callerFor(db, user.id).member.me({ orgSlug: organization.slug }))).code).toBe("UNAUTHORIZED");
    });

    it("answers UNAUTHORIZED without a session or for a user that does not exist", async () => {
      expect((await failureOf(callerFor(db, null).account.get())).code).toBe("UNAUTHORIZED");
      expect((await failureOf(callerFor(db, "00000000-0000-4000-8000-000000000000").account.get())).code).toBe("UNAUTHORIZED");
      expect((await failureOf(callerFor(db, "not-a-uuid").account.get())).code).toBe("UNAUTHORIZED");
    });

    it("stores the locale on the account and refuses one we do not have", async () => {
      const user = await createUser(db);
      const resHeaders = new Headers();
      const caller = createCaller({ db, claims: { userId: user.id, sessionVersion: 0 }, clientIp: "t", resHeaders });
      expect(await caller.account.setLocale({ locale: "en" })).toEqual({ locale: "en" });
      expect((await caller.account.get()).locale).toBe("en");
      expect(resHeaders.get("set-cookie")).toMatch(/NEXT_LOCALE=en/);

      expect(await caller.account.setLocale({ locale: "sv" })).toEqual({ locale: "sv" });
      expect((await caller.account.get()).locale).toBe("sv");

      const error = await failureOf(caller.account.setLocale({ locale: "de" } as never));
      expect(error.code).toBe("BAD_REQUEST");
      expect((await caller.account.get()).locale).toBe("sv");
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("sv");
    });
  });

  describe("organization.listMine", () => {
    it("lists the organisations of active memberships only, by name", async () => {
      const user = await createUser(db);
      const suffix = tag();
      const zeta = await createOrganization(db, { name: `Zeta ${suffix}` });
      const alpha = await createOrganization(db, { name: `Alpha ${suffix}` });
      const middle = await createOrganization(db, { name: `Mitten ${suffix}` });
      await createOrganization(db, { name: `Aardvark ${suffix}` }); // not a member at all
      await addMember(db, zeta.organization.id, user.id, "HR");
      await addMember(db, alpha.organization.id, user.id, "EMPLOYEE");
      const left = await addMember(db, middle.organization.id, user.id, "ADMIN");
      await db.membership.update({ where: { id: left.id }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });

      expect(await callerFor(db, user.id).organization.listMine()).toEqual([
        { slug: alpha.organization.slug, name: `Alpha ${suffix}`, locale: "sv", role: "EMPLOYEE" },
        { slug: zeta.organization.slug, name: `Zeta ${suffix}`, locale: "sv", role: "HR" },
      ]);
    });

    it("is empty for a user of no organisation", async () => {
      const user = await createUser(db);
      expect(await callerFor(db, user.id).organization.listMine()).toEqual([]);
    });
  });
});
