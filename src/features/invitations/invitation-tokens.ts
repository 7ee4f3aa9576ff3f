import { createHash, randomBytes } from "node:crypto";

/** Invitations expire after a week and can be used once. */
export const INVITATION_TTL_DAYS = 7;

/** A fresh link token; only its hash is stored, so a database leak reveals no usable link. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationExpiry(now = new Date()): Date {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
}

/** The path of the acceptance page; the caller prefixes the public base URL. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
