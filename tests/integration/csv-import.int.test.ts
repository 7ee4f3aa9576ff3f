import { beforeAll, describe, expect, it } from "vitest";
import { hashInvitationToken } from "@/features/invitations/invitation-tokens";
import { MAX_IMPORT_CHARS } from "@/features/csv-import/parse";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db/client";
import { callerFor, createOrganization, createUser, ROLES, type TestOrganization } from "../factories";
import { importCsv, importTag, organizationState, tableCounts, type ImportRow } from "../factories/csv-import";
import { addInvitation } from "../factories/invitations";
import { createTestDatabase } from "../support/test-db";
import { codeOf, failureOf } from "../support/trpc-errors";

describe("csv import", () => {
  let db: Db;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
  });

  const asRole = (org: TestOrganization, role: "ADMIN" | "HR" | "MANAGER" | "EMPLOYEE" = "ADMIN") => callerFor(db, org.members[role].userId).csvImport;
  const dryRun = (org: TestOrganization, csv: string, role?: "ADMIN" | "HR") => asRole(org, role).dryRun({ orgSlug: org.organization.slug, csv });
  const run = (org: TestOrganization, csv: string, role?: "ADMIN" | "HR", fileName = "people.csv") =>
    asRole(org, role).run({ orgSlug: org.organization.slug, csv, fileName });

  /** Two departments, a team under each, a manager and two people, one already a member. */
  function sampleRows(org: TestOrganization, tag: string): ImportRow[] {
    return [
      { name: "Maja Chef", email: `maja-${tag}@example.test`, team: `Plattform ${tag}`, parentTeam: `Teknik ${tag}`, managerEmail: org.members.MANAGER.email, role: "chef" },
      { name: "Nils Ny", email: `nils-${tag}@example.test`, team: `Plattform ${tag}`, parentTeam: `Teknik ${tag}`, managerEmail: `maja-${tag}@example.test`, role: "" },
      { name: "Sara Sälj", email: `sara-${tag}@example.test`, team: `Sälj ${tag}`, parentTeam: `Försäljning ${tag}`, managerEmail: org.members.MANAGER.email, role: "medarbetare" },
      // the organisation's employee moves into the new team
      { name: org.members.EMPLOYEE.name, email: org.members.EMPLOYEE.email.toUpperCase(), team: `Sälj ${tag}`, parentTeam: `Försäljning ${tag}`, managerEmail: "", role: "" },
    ];
  }

  describe("dryRun", () => {
    it("writes nothing to any table", async () => {
      const org = await createOrganization(db);
      const before = await tableCounts(db);
      const stateBefore = await organizationState(db, org.organization.id);
      const result = await dryRun(org, importCsv(sampleRows(org, importTag()), "sv"));
      expect(result.summary).toEqual({ rows: 4, invite: 3, update: 1, unchanged: 0, error: 0, newTeams: 4 });
      expect(await tableCounts(db)).toEqual(before);
      expect(await organizationState(db, org.organization.id)).toEqual(stateBefore);
    });

    it("lists per row what will happen, with the file's row numbers, Swedish headers, BOM and semicolons", async () => {
      const org = await createOrganization(db);
      const tag = importTag();
      const result = await dryRun(org, importCsv(sampleRows(org, tag), "sv"));
      expect(result.delimiter).toBe(";");
      expect(result.fileErrors).toEqual([]);
      expect(result.rows.map((row) => [row.rowNumber, row.action])).toEqual([
        [2, "invite"],
        [3, "invite"],
        [4, "invite"],
        [5, "update"],
      ]);
      expect(result.rows[0]!.changes).toEqual([
        { field: "role", from: null, to: "MANAGER" },
        { field: "team", from: null, to: `Teknik ${tag} / Plattform ${tag}` },
        { field: "manager", from: null, to: org.members.MANAGER.email },
      ]);
      // a manager who is new in the same file is linked once they have joined
      expect(result.rows[1]!.notes).toEqual([{ code: "managerPending", params: { email: `maja-${tag}@example.test` } }]);
      expect(result.rows[3]!.changes).toEqual([{ field: "team", from: "Team A", to: `Försäljning ${tag} / Sälj ${tag}` }]);
      expect(result.newTeams).toEqual([`Teknik ${tag}`, `Försäljning ${tag}`, `Teknik ${tag} / Plattform ${tag}`, `Försäljning ${tag} / Sälj ${tag}`]);
    });

    it("reports every error before anything is written: unknown manager, duplicate e-mail, cycle, invalid role", async () => {
      const org = await createOrganization(db);
      const tag = importTag();
      const csv = importCsv([
        { name: "A", email: `a-${tag}@example.test`, managerEmail: `nobody-${tag}@example.test` },
        { name: "B", email: `b-${tag}@example.test`, role: "kung" },
        { name: "C", email: `c-${tag}@example.test`, managerEmail: `d-${tag}@example.test` },
        { name: "D", email: `d-${tag}@example.test`, managerEmail: `c-${tag}@example.test` },
        { name: "E", email: `b-${tag}@example.test` },
        { name: "F", email: `f-${tag}@example.test` },
      ]);
      const before = await tableCounts(db);
      const result = await dryRun(org, csv);
      expect(result.rows.map((row) => [row.rowNumber, row.action, row.errors.map((error) => error.code)])).toEqual([
        [2, "error", ["unknownManager"]],
        [3, "error", ["invalidRole", "duplicateEmail"]],
        [4, "error", ["cycle"]],
        [5, "error", ["cycle"]],
        [6, "error", ["duplicateEmail"]],
        [7, "invite", []],
      ]);
      expect(result.summary).toMatchObject({ error: 5, invite: 1 });
      expect(await tableCounts(db)).toEqual(before);
    });

    it("reports a missing column as a file error", async () => {
      const org = await createOrganization(db);
      const result = await dryRun(org, "namn;team\nA;B\n");
      expect(result.fileErrors).toEqual([{ code: "missingColumns", params: { columns: "e-post" } }]);
      expect(result.rows).toEqual([]);
    });

    it("refuses a text over the size limit", async () => {
      const org = await createOrganization(db);
      const error = await failureOf(dryRun(org, "name,email\n" + "x".repeat(MAX_IMPORT_CHARS)));
      expect(error.code).toBe("BAD_REQUEST");
    });
  });

  describe("run", () => {
    it("creates teams and invitations, updates members, audits once and returns the links", async () => {
      const org = await createOrganization(db);
      const tag = importTag();
      const result = await run(org, importCsv(sampleRows(org, tag), "sv"));
      expect(result.counts).toEqual({ invited: 3, renewed: 0, updatedMembers: 1, updatedInvitations: 0, unchanged: 0, teamsCreated: 4 });

      const teams = await db.team.findMany({ where: { organizationId: org.organization.id }, select: { id: true, name: true, parentTeamId: true } });
      const byName = new Map(teams.map((team) => [team.name, team]));
      expect(byName.get(`Plattform ${tag}`)!.parentTeamId).toBe(byName.get(`Teknik ${tag}`)!.id);
      expect(byName.get(`Sälj ${tag}`)!.parentTeamId).toBe(byName.get(`Försäljning ${tag}`)!.id);
      expect(byName.get(`Teknik ${tag}`)!.parentTeamId).toBeNull();

      const invitations = await db.invitation.findMany({ where: { organizationId: org.organization.id }, orderBy: { email: "asc" } });
      expect(invitations.map((invitation) => [invitation.email, invitation.name, invitation.role, invitation.source, invitation.createdByUserId])).toEqual([
        [`maja-${tag}@example.test`, "Maja Chef", "MANAGER", "IMPORT", org.members.ADMIN.userId],
        [`nils-${tag}@example.test`, "Nils Ny", "EMPLOYEE", "IMPORT", org.members.ADMIN.userId],
        [`sara-${tag}@example.test`, "Sara Sälj", "EMPLOYEE", "IMPORT", org.members.ADMIN.userId],
      ]);
      const maja = invitations[0]!;
      expect(maja.teamId).toBe(byName.get(`Plattform ${tag}`)!.id);
      expect(maja.managerId).toBe(org.members.MANAGER.membershipId);
      // Maja has not joined yet, so Nils's reporting line waits for her
      expect(invitations[1]!.managerId).toBeNull();
      expect(maja.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);

      // each link's token is the one whose hash is stored
      expect(result.invitations.map((link) => link.email).sort()).toEqual(invitations.map((invitation) => invitation.email));
      for (const link of result.invitations) {
        const token = link.link.split("/invite/")[1]!;
        expect(invitations.find((invitation) => invitation.email === link.email)!.tokenHash).toBe(hashInvitationToken(token));
      }

      const employee = await db.membership.findUniqueOrThrow({ where: { id: org.members.EMPLOYEE.membershipId } });
      expect(employee.teamId).toBe(byName.get(`Sälj ${tag}`)!.id);
      // an empty manager cell leaves the reporting line alone
      expect(employee.managerId).toBe(org.members.MANAGER.membershipId);

      const audit = await db.auditEvent.findMany({ where: { organizationId: org.organization.id, action: "import.run" } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorUserId: org.members.ADMIN.userId, entityType: "import", entityLabel: "people.csv" });
      const changes = audit[0]!.changes as { field: string; from: unknown; to: unknown }[];
      expect(changes[0]).toEqual({
        field: "counts",
        from: null,
        to: { rows: 4, invited: 3, renewed: 0, updatedMembers: 1, updatedInvitations: 0, unchanged: 0, teamsCreated: 4 },
      });
      expect(changes).toContainEqual({ field: "team", from: null, to: `Teknik ${tag} / Plattform ${tag}` });
      expect(changes).toContainEqual({ field: org.members.EMPLOYEE.email, from: { team: "Team A" }, to: { team: `Försäljning ${tag} / Sälj ${tag}` } });
      expect(changes).toContainEqual({
        field: `maja-${tag}@example.test`,
        from: null,
        to: { invitation: "created", role: "MANAGER", team: `Teknik ${tag} / Plattform ${tag}`, manager: org.members.MANAGER.email },
      });
    });

    it("is all or nothing: one bad row and nothing is written, with the row's errors in the answer", async () => {
      const org = await createOrganization(db);
      const tag = importTag();
      const rows = [...sampleRows(org, tag), { name: "Bad", email: `bad-${tag}@example.test`, managerEmail: `ghost-${tag}@example.test` }];
      const before = await tableCounts(db);
      const error = await failureOf(run(org, importCsv(rows)));
      expect(error.code).toBe("BAD_REQUEST");
      const cause = error.cause as AppError;
      expect(cause.messageKey).toBe("csvImport.errors.rowsHaveErrors");
      expect(cause.params).toEqual({ count: 1 });
      expect(cause.fieldErrors).toEqual({ "row.6": ["csvImport.issues.unknownManager"] });
      expect(await tableCounts(db)).toEqual(before);
    });

    it("refuses a file with a file error", async () => {
      const org = await createOrganization(db);
      const error = await failureOf(run(org, "team,role\nX,hr\n"));
      expect(error.code).toBe("BAD_REQUEST");
      expect((error.cause as AppError).fieldErrors).toEqual({ csv: ["csvImport.fileIssues.missingColumns"] });
    });

    it("can run twice with the same file: the second run changes nothing and duplicates nothing", async () => {
      const org = await createOrganization(db);
      const csv = importCsv(sampleRows(org, importTag()), "sv");
      await run(org, csv);
      const state = await organizationState(db, org.organization.id);
      const counts = await tableCounts(db);

      const again = await dryRun(org, csv);
      expect(again.summary).toMatchObject({ invite: 0, update: 0, unchanged: 4, newTeams: 0 });
      const second = await run(org, csv);
      expect(second).toEqual({
        counts: { invited: 0, renewed: 0, updatedMembers: 0, updatedInvitations: 0, unchanged: 4, teamsCreated: 0 },
        invitations: [],
      });
      expect(await organizationState(db, org.organization.id)).toEqual(state);
      // only the log grows: one entry saying the run changed nothing
      expect(await tableCounts(db)).toEqual({ ...counts, AuditEvent: counts.AuditEvent! + 1 });
    });

    it("serialises two imports of the same file: one writes, the other finds everything done", async () => {
      const org = await createOrganization(db);
      const csv = importCsv(sampleRows(org, importTag()));
      const results = await Promise.all([run(org, csv), run(org, csv)]);
      expect(results.map((result) => result.counts.invited).sort()).toEqual([0, 3]);
      expect(results.map((result) => result.counts.teamsCreated).sort()).toEqual([0, 4]);
      expect(await db.team.count({ where: { organizationId: org.organization.id } })).toBe(1 + 4);
      expect(await db.invitation.count({ where: { organizationId: org.organization.id } })).toBe(3);
    });

    it("renews an expired invitation in place, and updates a valid one keeping its link", async () => {
      const org = await createOrganization(db);
      const tag = importTag();
      const expired = await addInvitation(db, org.organization.id, { email: `old-${tag}@example.test`, expiresAt: new Date(Date.now() - 1000) });
      const valid = await addInvitation(db, org.organization.id, { email: `valid-${tag}@example.test`, name: "Valid", role: "EMPLOYEE" });
      const csv = importCsv([
        { name: "Old Again", email: `old-${tag}@example.test` },
        { name: "Valid", email: `valid-${tag}@example.test`, role: "hr" },
      ]);
      const result = await run(org, csv);
      expect(result.counts).toMatchObject({ invited: 0, renewed: 1, updatedInvitations: 1 });
      expect(result.invitations.map((link) => link.email)).toEqual([`old-${tag}@example.test`]);

      const rows = await db.invitation.findMany({ where: { organizationId: org.organization.id } });
      expect(rows).toHaveLength(2);
      const renewed = rows.find((row) => row.id === expired.invitation.id)!;
      expect(renewed.name).toBe("Old Again");
      expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now());
      expect(renewed.tokenHash).not.toBe(expired.invitation.tokenHash);
      const updated = rows.find((row) => row.id === valid.invitation.id)!;
      expect(updated.role).toBe("HR");
      expect(updated.tokenHash).toBe(valid.invitation.tokenHash);
    });

    it("links a reporting line on a later run once the manager has joined", async () => {
      const org = await createOrganization(db);
      const tag = importTag();
      const rows = [
        { name: "Boss", email: `boss-${tag}@example.test`, role: "chef" },
        { name: "Report", email: `report-${tag}@example.test`, managerEmail: `boss-${tag}@example.test` },
      ];
      await run(org, importCsv(rows));
      // the boss accepts: a user and a membership appear, the invitation is used
      const boss = await createUser(db, { name: "Boss", email: `boss-${tag}@example.test` });
      const bossMembership = await db.membership.create({ data: { organizationId: org.organization.id, userId: boss.id, role: "MANAGER" } });
      await db.invitation.updateMany({ where: { organizationId: org.organization.id, email: `boss-${tag}@example.test` }, data: { acceptedAt: new Date() } });

      const plan = await dryRun(org, importCsv(rows));
      expect(plan.rows.map((row) => row.action)).toEqual(["unchanged", "update"]);
      await run(org, importCsv(rows));
      const report = await db.invitation.findFirstOrThrow({ where: { organizationId: org.organization.id, email: `report-${tag}@example.test` } });
      expect(report.managerId).toBe(bossMembership.id);
    });

    it("refuses a cycle made with the organisation's reporting lines, under the lock", async () => {
      const org = await createOrganization(db);
      // the employee reports to the manager; the file makes the manager report to the employee
      const csv = importCsv([{ name: org.members.MANAGER.name, email: org.members.MANAGER.email, managerEmail: org.members.EMPLOYEE.email }]);
      const error = await failureOf(run(org, csv));
      expect((error.cause as AppError).fieldErrors).toEqual({ "row.2": ["csvImport.issues.cycle"] });
      const manager = await db.membership.findUniqueOrThrow({ where: { id: org.members.MANAGER.membershipId } });
      expect(manager.managerId).toBeNull();
    });

    it("sets roles, teams and managers of existing members", async () => {
      const org = await createOrganization(db);
      const csv = importCsv([{ name: org.members.EMPLOYEE.name, email: org.members.EMPLOYEE.email, managerEmail: org.members.HR.email, role: "chef", team: "Team A" }]);
      const result = await run(org, csv);
      expect(result.counts).toMatchObject({ updatedMembers: 1, teamsCreated: 0 });
      const employee = await db.membership.findUniqueOrThrow({ where: { id: org.members.EMPLOYEE.membershipId } });
      expect(employee).toMatchObject({ role: "MANAGER", managerId: org.members.HR.membershipId, teamId: org.team.id });
    });

    it("keeps the audit entry bounded for a large file", async () => {
      const org = await createOrganization(db);
      const tag = importTag();
      const rows = Array.from({ length: 1100 }, (_, i) => ({ name: `Person ${i}`, email: `p${i}-${tag}@example.test`, team: `Lag ${i % 3}-${tag}` }));
      const result = await run(org, importCsv(rows));
      expect(result.counts.invited).toBe(1100);
      expect(result.invitations).toHaveLength(1100);
      const [entry] = await db.auditEvent.findMany({ where: { organizationId: org.organization.id, action: "import.run" } });
      const changes = entry!.changes as { field: string; to: unknown }[];
      expect(changes).toHaveLength(1 + 1000 + 1);
      expect(changes.at(-1)).toEqual({ field: "more", from: null, to: 103 });
    });
  });

  describe("rights", () => {
    it("lets ADMIN and HR check and import, and refuses MANAGER and EMPLOYEE", async () => {
      const org = await createOrganization(db);
      for (const role of ROLES) {
        const csv = importCsv([{ name: "X", email: `x-${role.toLowerCase()}-${importTag()}@example.test` }]);
        const expected = role === "ADMIN" || role === "HR" ? "OK" : "FORBIDDEN";
        expect(await codeOf(asRole(org, role).dryRun({ orgSlug: org.organization.slug, csv })), `dryRun as ${role}`).toBe(expected);
        expect(await codeOf(asRole(org, role).run({ orgSlug: org.organization.slug, csv })), `run as ${role}`).toBe(expected);
      }
    });

    it("refuses HR granting ADMIN, to a new person or a member, and writes nothing", async () => {
      const org = await createOrganization(db);
      const tag = importTag();
      const before = await tableCounts(db);
      const newcomer = importCsv([{ name: "Ny", email: `ny-${tag}@example.test`, role: "admin" }]);
      const plan = await dryRun(org, newcomer, "HR");
      expect(plan.rows[0]!.errors).toEqual([{ code: "cannotGrantAdmin", params: {} }]);
      expect(((await failureOf(run(org, newcomer, "HR"))).cause as AppError).fieldErrors).toEqual({ "row.2": ["csvImport.issues.cannotGrantAdmin"] });
      const promotion = importCsv([{ name: org.members.EMPLOYEE.name, email: org.members.EMPLOYEE.email, role: "Administratör" }]);
      expect((await failureOf(run(org, promotion, "HR"))).code).toBe("BAD_REQUEST");
      expect(await tableCounts(db)).toEqual(before);
      // an ADMIN may
      expect((await run(org, newcomer, "ADMIN")).counts.invited).toBe(1);
    });

    it("refuses HR changing an ADMIN", async () => {
      const org = await createOrganization(db);
      const csv = importCsv([{ name: org.members.ADMIN.name, email: org.members.ADMIN.email, role: "hr" }]);
      expect(((await failureOf(run(org, csv, "HR"))).cause as AppError).fieldErrors).toEqual({ "row.2": ["csvImport.issues.cannotChangeAdmin"] });
    });
  });

  describe("tenancy", () => {
    it("never matches another organisation's people or teams", async () => {
      const org = await createOrganization(db);
      const other = await createOrganization(db);
      const otherBefore = await organizationState(db, other.organization.id);
      // the other organisation's employee, and its team's name ("Team A" exists in both)
      const stranger = other.members.EMPLOYEE;
      const tag = importTag();
      const csv = importCsv([
        { name: stranger.name, email: stranger.email, team: `Nytt ${tag}`, parentTeam: "Team A", role: "chef" },
        { name: "Ny", email: `ny-${tag}@example.test`, managerEmail: other.members.MANAGER.email },
      ]);
      const plan = await dryRun(org, csv);
      expect(plan.rows[0]).toMatchObject({ action: "invite" });
      expect(plan.rows[1]!.errors).toEqual([{ code: "unknownManager", params: { email: other.members.MANAGER.email } }]);

      const result = await run(org, importCsv([{ name: stranger.name, email: stranger.email, team: `Nytt ${tag}`, parentTeam: "Team A", role: "chef" }]));
      expect(result.counts).toMatchObject({ invited: 1, updatedMembers: 0, teamsCreated: 1 });
      const invitation = await db.invitation.findFirstOrThrow({ where: { email: stranger.email } });
      expect(invitation.organizationId).toBe(org.organization.id);
      const newTeam = await db.team.findUniqueOrThrow({ where: { id: invitation.teamId! } });
      expect(newTeam).toMatchObject({ organizationId: org.organization.id, parentTeamId: org.team.id });
      expect(await organizationState(db, other.organization.id)).toEqual(otherBefore);
    });
  });
});
