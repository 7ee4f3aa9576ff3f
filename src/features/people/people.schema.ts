import { z } from "zod";

export const ZRole = z.enum(["ADMIN", "HR", "MANAGER", "EMPLOYEE"]);

const ZPersonRef = z.object({ membershipId: z.string(), name: z.string() });

export const ZPerson = z.object({
  membershipId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  title: z.string().nullable(),
  active: z.boolean(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  manager: ZPersonRef.nullable(),
  reports: z.array(ZPersonRef),
});
export type Person = z.infer<typeof ZPerson>;

export const ZMembershipStatus = z.enum(["ACTIVE", "DEACTIVATED"]);

/** A filter on an optional link: one row's id, or "none" for rows without the link. */
const ZLinkFilter = z.union([z.uuid(), z.literal("none")]);

export const MEMBER_PAGE_SIZE = 50;
export const MEMBER_PAGE_SIZE_MAX = 200;

export const ZMemberListFilters = {
  search: z.string().trim().max(200, "tooLong").optional(),
  teamId: ZLinkFilter.optional(),
  role: ZRole.optional(),
  managerId: ZLinkFilter.optional(),
  status: z.enum(["ACTIVE", "DEACTIVATED", "ALL"]).default("ALL"),
  page: z.int().min(1).max(100_000).default(1),
  pageSize: z.int().min(1).max(MEMBER_PAGE_SIZE_MAX).default(MEMBER_PAGE_SIZE),
};
export type MemberListFilters = {
  search?: string;
  teamId?: string;
  role?: z.infer<typeof ZRole>;
  managerId?: string;
  status: "ACTIVE" | "DEACTIVATED" | "ALL";
  page: number;
  pageSize: number;
};

export const ZMemberListItem = z.object({
  membershipId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  title: z.string().nullable(),
  status: ZMembershipStatus,
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  manager: ZPersonRef.nullable(),
  /** Sent back by an edit form as `expectedUpdatedAt`, so a concurrent change is not overwritten. */
  updatedAt: z.date(),
});
export type MemberListItem = z.infer<typeof ZMemberListItem>;

export const ZMemberList = z.object({
  items: z.array(ZMemberListItem),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});

export const ZMemberFilterOptions = z.object({
  /** Not archived, ordered by their path ("Försäljning / Kundframgång"). */
  teams: z.array(z.object({ id: z.string(), name: z.string(), path: z.string(), depth: z.int() })),
  /** Everyone with at least one active report, by name. */
  managers: z.array(ZPersonRef.extend({ active: z.boolean() })),
});

export const TITLE_MAX_LENGTH = 120;

export const ZMemberChanges = {
  role: ZRole.optional(),
  teamId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  // an emptied title field clears the title
  title: z
    .string()
    .trim()
    .max(TITLE_MAX_LENGTH, "tooLong")
    .nullable()
    .optional()
    .transform((value) => (value === "" ? null : value)),
};
export type MemberChanges = {
  role?: z.infer<typeof ZRole>;
  teamId?: string | null;
  managerId?: string | null;
  title?: string | null;
};

export const DEACTIVATION_REASON_MAX_LENGTH = 500;

export const ZMemberStatusChange = z.object({
  membershipId: z.string(),
  status: ZMembershipStatus,
  /** Active people who still report to this membership, for HR to reassign. */
  reports: z.array(ZPersonRef),
});
