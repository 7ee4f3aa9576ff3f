import { z } from "zod";
import { ZEmail, ZPersonName } from "@/features/accounts/accounts.schema";
import { ZPasswordLength } from "@/features/accounts/password-rules";
import { ZRole } from "@/features/people/people.schema";
import { INVITATION_STATUSES } from "./invitation-status";

// Browser-safe: the admin form checks the same rules before it calls the server.

export const ZInvitationStatus = z.enum(INVITATION_STATUSES);

/** The invitation form's fields; an empty name, team or manager is left out (or null). */
export const ZInvitationFields = z.strictObject({
  email: ZEmail,
  name: ZPersonName.optional(),
  role: ZRole,
  teamId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
});
export type InvitationFields = z.infer<typeof ZInvitationFields>;

/** Tokens are 32 random bytes in base64url (43 characters); anything else cannot be one. */
export const ZInvitationToken = z
  .string()
  .trim()
  .min(20)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

/** What the admin sees once, right after creating or renewing: the link is never shown again. */
export const ZIssuedInvitation = z.object({
  id: z.string(),
  email: z.string(),
  link: z.url(),
  expiresAt: z.date(),
  emailed: z.boolean(),
  /** A message key when the e-mail could not be sent; the invitation itself is kept. */
  warningKey: z.string().nullable(),
});
export type IssuedInvitation = z.infer<typeof ZIssuedInvitation>;

export const ZInvitationRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: ZRole,
  status: ZInvitationStatus,
  source: z.enum(["MANUAL", "IMPORT"]),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  manager: z.object({ membershipId: z.string(), name: z.string() }).nullable(),
  invitedBy: z.string().nullable(),
  createdAt: z.date(),
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type InvitationRow = z.infer<typeof ZInvitationRow>;

export const INVITATION_LIST_LIMIT = 200;

export const ZInvitationList = z.object({
  invitations: z.array(ZInvitationRow),
  /** How many match the filter; more than listed when the list was cut at the limit. */
  total: z.number().int(),
  counts: z.object({ pending: z.number().int(), accepted: z.number().int(), expired: z.number().int(), revoked: z.number().int() }),
});

export const ZInvitationFormOptions = z.object({
  roles: z.array(ZRole),
  teams: z.array(z.object({ id: z.string(), label: z.string() })),
  managers: z.array(z.object({ membershipId: z.string(), name: z.string(), email: z.string() })),
  mailConfigured: z.boolean(),
});
export type InvitationFormOptions = z.infer<typeof ZInvitationFormOptions>;

export const ZInvitationState = z.enum(["valid", "expired", "used", "revoked"]);

export const ZInvitationPreview = z.object({
  state: ZInvitationState,
  organizationName: z.string(),
  inviterName: z.string().nullable(),
  email: z.string(),
  name: z.string().nullable(),
  role: ZRole,
  teamName: z.string().nullable(),
  /** Only told for a usable invitation: whether to ask for a new password or the existing one. */
  accountExists: z.boolean(),
  expiresAt: z.date(),
});
export type InvitationPreview = z.infer<typeof ZInvitationPreview>;

const ZExistingPassword = z.string().min(1, { message: "required" }).max(1024, { message: "tooLong" });

/**
 * Accepting: a new account brings its name and a new password; an existing account proves
 * itself with its password. The server checks the kind against the e-mail's account.
 */
export const ZAcceptInvitationNew = z.strictObject({
  token: ZInvitationToken,
  kind: z.literal("new"),
  name: ZPersonName,
  /** The server adds the common-password check (ZNewPassword). */
  password: ZPasswordLength,
});
export const ZAcceptInvitationExisting = z.strictObject({
  token: ZInvitationToken,
  kind: z.literal("existing"),
  password: ZExistingPassword,
});
