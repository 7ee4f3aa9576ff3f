/** What an invitation is now, derived from its timestamps: nothing stores a status column. */
export const INVITATION_STATUSES = ["pending", "accepted", "expired", "revoked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

type Timestamps = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

/** Accepted wins over revoked, revoked over expired: the first thing that ended it is what counts. */
export function invitationStatus(invitation: Timestamps, now: Date = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** The Prisma filter selecting the invitations that have the given status at `now`. */
export function statusFilter(status: InvitationStatus, now: Date = new Date()) {
  switch (status) {
    case "accepted":
      return { acceptedAt: { not: null } };
    case "revoked":
      return { acceptedAt: null, revokedAt: { not: null } };
    case "expired":
      return { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } };
    case "pending":
      return { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
  }
}
