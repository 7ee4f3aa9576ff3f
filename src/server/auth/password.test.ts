import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyAgainstDummy, verifyPassword, ZNewPassword } from "./password";

const STRONG = "Violet-Tundra-58-Kettle";

const ranked = dictionary["passwords-common"];
const top = ranked.slice(0, 10_000);
const topLowercase = new Set(top.map((p) => p.toLowerCase()));

function messagesOf(password: string): string[] {
  const result = ZNewPassword.safeParse(password);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("ZNewPassword", () => {
  it("accepts a strong password of 12 or more characters", () => {
    expect(ZNewPassword.safeParse(STRONG)).toEqual({ success: true, data: STRONG });
    expect(ZNewPassword.safeParse("k7#Lp2!vQz9w").success).toBe(true); // exactly 12
  });

  it("refuses 11 characters as too short", () => {
    const eleven = "k7#Lp2!vQz9";
    expect(eleven).toHaveLength(11);
    expect(messagesOf(eleven)).toContain("passwordTooShort");
  });

  it("refuses more than 256 characters as too long", () => {
    expect(messagesOf("k7#Lp2!vQz9w".repeat(22))).toContain("passwordTooLong");
    expect(ZNewPassword.safeParse("k7#Lp2!vQz9w".repeat(21) + "k7#L").success).toBe(true); // 256
  });

  it("refuses a common password of 12+ characters, in any case", () => {
    const common = top.filter((password) => password.length >= 12);
    expect(common.length).toBeGreaterThan(3);
    for (const password of common.slice(0, 5)) {
      expect(messagesOf(password), password).toEqual(["passwordTooCommon"]);
      expect(messagesOf(password.toUpperCase()), password).toEqual(["passwordTooCommon"]);
    }
    expect(messagesOf("QWERTY123456")).toEqual(["passwordTooCommon"]);
    expect(messagesOf("LeaveMeAlone")).toEqual(["passwordTooCommon"]);
  });

  it("uses the 10,000 most common passwords, not the whole list", () => {
    const rare = ranked.slice(10_000).find((password) => password.length >= 12 && !topLowercase.has(password.toLowerCase()));
    expect(rare).toBeDefined();
    expect(ZNewPassword.safeParse(rare).success).toBe(true);
  });
});

describe("isCommonPassword", () => {
  it("knows the most common passwords, in any case", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("123456")).toBe(true);
    expect(isCommonPassword(STRONG)).toBe(false);
  });
});

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id and the OWASP parameters, salted", async () => {
    const first = await hashPassword(STRONG);
    const second = await hashPassword(STRONG);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(first).not.toContain(STRONG);
    expect(second).not.toBe(first);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword(STRONG);
    expect(await verifyPassword(stored, STRONG)).toBe(true);
    expect(await verifyPassword(stored, `${STRONG} `)).toBe(false);
    expect(await verifyPassword(stored, STRONG.toLowerCase())).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("answers false, without throwing, for a malformed hash", async () => {
    for (const malformed of ["", "not-a-hash", "$argon2id$v=19$m=19456,t=2,p=1$", "$2b$10$abcdefghijklmnopqrstuv"]) {
      await expect(verifyPassword(malformed, STRONG), malformed).resolves.toBe(false);
    }
  });

  it("spends a dummy check that never succeeds", async () => {
    await expect(verifyAgainstDummy("smarta-timing-equaliser-password")).resolves.toBe(false);
    await expect(verifyAgainstDummy(STRONG)).resolves.toBe(false);
  });
});
