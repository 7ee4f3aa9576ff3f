import { describe, expect, it } from "vitest";
import type { Role } from "@/server/db/generated/enums";
import { PERMISSIONS, permissionsOf, roleHasPermission, type Permission } from "./permissions";

const ROLES: Role[] = ["ADMIN", "HR", "MANAGER", "EMPLOYEE"];
const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

describe("permissions", () => {
  it("grants every permission to ADMIN", () => {
    expect(ALL_PERMISSIONS.length).toBeGreaterThan(10);
    for (const permission of ALL_PERMISSIONS) expect(roleHasPermission("ADMIN", permission), permission).toBe(true);
    expect(permissionsOf("ADMIN")).toEqual(ALL_PERMISSIONS);
  });

  it("lets an EMPLOYEE only read", () => {
    for (const permission of ["admin.access", "report.read", "goal.createOrganization", "member.manage", "goal.readAll"] as const) {
      expect(roleHasPermission("EMPLOYEE", permission), permission).toBe(false);
    }
    expect(permissionsOf("EMPLOYEE")).toEqual(["organization.read", "member.read", "period.read"]);
  });

  it("lets HR read reports and manage people, but not grant ADMIN or change settings", () => {
    expect(roleHasPermission("HR", "report.read")).toBe(true);
    expect(roleHasPermission("HR", "admin.access")).toBe(true);
    expect(roleHasPermission("HR", "member.manage")).toBe(true);
    expect(roleHasPermission("HR", "goal.readAll")).toBe(true);
    expect(roleHasPermission("HR", "member.grantAdmin")).toBe(false);
    expect(roleHasPermission("HR", "organization.settings.update")).toBe(false);
    expect(roleHasPermission("HR", "team.manage")).toBe(false);
  });

  it("gives a MANAGER the right to create organisation goals and nothing administrative", () => {
    expect(permissionsOf("MANAGER")).toEqual(["organization.read", "member.read", "period.read", "goal.createOrganization"]);
  });

  it.each(ROLES)("permissionsOf(%s) lists exactly the granted permissions, in registry order", (role) => {
    const granted = permissionsOf(role);
    const expected = ALL_PERMISSIONS.filter((permission) => (PERMISSIONS[permission] as readonly Role[]).includes(role));
    expect(granted).toEqual(expected);
    for (const permission of ALL_PERMISSIONS) {
      expect(granted.includes(permission), permission).toBe(roleHasPermission(role, permission));
    }
  });

  it("grants the reading permissions to every role", () => {
    for (const role of ROLES) {
      for (const permission of ["organization.read", "member.read", "period.read"] as const) {
        expect(roleHasPermission(role, permission), `${role} ${permission}`).toBe(true);
      }
    }
  });
});
