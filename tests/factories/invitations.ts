import { randomBytes } from "node:crypto";
import { invitationExpiry, newInvitationToken } from "@/features/invitations/invitation-tokens";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import type { Role } from "@/server/db/generated/enums";

export type InvitationOptions = {
  email?: string;
  name?: string | null;
  role?: Role;
  teamId?: string | null;
  managerId?: string | null;
  expiresAt?: Date;
  acceptedAt?: Date | null;
  revokedAt?: Date | null;
  createdByUserId?: string | null;
  source?: "MANUAL" | "IMPORT";
};

export const freshEmail = (prefix = "invitee") => `${prefix}-${randomBytes(4).toString("hex")}@example.test`;

/**
 * An invitation written straight to the database, with its usable token: for states the
 * procedures do not produce on demand (expired, or made by an import).
 */
export async function addInvitation(db: Db, organizationId: string, options: InvitationOptions = {}) {
  const { token, tokenHash } = newInvitationToken();
  const invitation = await db.invitation.create({
    data: {
      organizationId,
      email: options.email ?? freshEmail(),
      name: options.name ?? null,
      role: options.role ?? "EMPLOYEE",
      teamId: options.teamId ?? null,
      managerId: options.managerId ?? null,
      tokenHash,
      source: options.source ?? "MANUAL",
      expiresAt: options.expiresAt ?? invitationExpiry(),
      acceptedAt: options.acceptedAt ?? null,
      revokedAt: options.revokedAt ?? null,
      createdByUserId: options.createdByUserId ?? null,
    },
  });
  return { invitation, token };
}

/** A user who can really sign in with `password` (a real argon2id hash; slower than createUser). */
export async function addUserWithPassword(db: Db, password: string, options: { name?: string; email?: string } = {}) {
  return db.user.create({
    data: {
      name: options.name ?? `Account ${randomBytes(3).toString("hex")}`,
      email: options.email ?? freshEmail("account"),
      passwordHash: await hashPassword(password),
    },
  });
}

/** The token at the end of an invitation link. */
export function tokenOf(link: string): string {
  const token = new URL(link).pathname.split("/").at(-1);
  if (!token) throw new Error(`No token in ${link}`);
  return token;
}
