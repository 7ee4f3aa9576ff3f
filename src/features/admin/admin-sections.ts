import type { Permission } from "@/lib/permissions";

/** The admin area's sections, each shown to whoever holds its permission. */
export const ADMIN_SECTIONS = [
  { segment: "teams", permission: "team.manage" },
  { segment: "people", permission: "member.manage" },
  { segment: "invitations", permission: "invitation.manage" },
  { segment: "import", permission: "member.manage" },
  { segment: "periods", permission: "period.manage" },
  { segment: "settings", permission: "organization.settings.update" },
  { segment: "audit", permission: "audit.read" },
] as const satisfies readonly { segment: string; permission: Permission }[];

export type AdminSegment = (typeof ADMIN_SECTIONS)[number]["segment"];

export function adminSectionsFor(permissions: readonly string[]) {
  return ADMIN_SECTIONS.filter((section) => permissions.includes(section.permission));
}
