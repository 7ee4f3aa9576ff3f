import type { Role } from "@/server/db/generated/enums";

/**
 * The one registry of what each role may do. Procedures ask for a permission, never a role.
 * Manager rights over people come from the reporting line, not from here.
 */
const ALL: readonly Role[] = ["ADMIN", "HR", "MANAGER", "EMPLOYEE"];

export const PERMISSIONS = {
  "organization.read": ALL,
  "member.read": ALL,
  "period.read": ALL,
  "admin.access": ["ADMIN", "HR"],
  "organization.settings.update": ["ADMIN"],
  "team.manage": ["ADMIN"],
  "member.manage": ["ADMIN", "HR"],
  "member.grantAdmin": ["ADMIN"],
  "invitation.manage": ["ADMIN", "HR"],
  "period.manage": ["ADMIN", "HR"],
  // closes a period's active goals with their computed outcome
  "period.close": ["ADMIN", "HR"],
  "template.manage": ["ADMIN", "HR"],
  "report.read": ["ADMIN", "HR"],
  "audit.read": ["ADMIN", "HR"],
  "goal.createOrganization": ["ADMIN", "MANAGER"],
  "goal.readAll": ["ADMIN", "HR"],
  // what a manager may do with the goals of their reports, for every goal of the organisation
  "goal.manageAll": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => roleHasPermission(role, permission));
}
