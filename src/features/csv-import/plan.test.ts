import { describe, expect, it } from "vitest";
import { parseImportCsv } from "./parse";
import { planImport, type OrgSnapshot, type PlanActor, type RowPlan, type SnapshotMember } from "./plan";

const NOW = new Date("2027-03-01T12:00:00Z");
const ADMIN: PlanActor = { email: "admin@org.se", canGrantAdmin: true };
const HR: PlanActor = { email: "hr@org.se", canGrantAdmin: false };

function member(id: string, email: string, extra: Partial<SnapshotMember> = {}): SnapshotMember {
  return { membershipId: id, email, name: email.split("@")[0]!, role: "EMPLOYEE", teamId: null, managerId: null, active: true, ...extra };
}

/** Teknik (t1) > Plattform (t2); Försäljning (t3) > Support (t4); Teknik > Support (t5); Arkiv (t6, archived). */
function snapshot(extra: Partial<OrgSnapshot> = {}): OrgSnapshot {
  return {
    members: [
      member("m-admin", "admin@org.se", { role: "ADMIN", name: "Ada Admin" }),
      member("m-hr", "hr@org.se", { role: "HR" }),
      member("m-boss", "boss@org.se", { role: "MANAGER", teamId: "t1" }),
      member("m-emp", "emp@org.se", { teamId: "t2", managerId: "m-boss", name: "Emp Loyee" }),
      member("m-gone", "gone@org.se", { active: false }),
    ],
    invitations: [],
    teams: [
      { id: "t1", name: "Teknik", parentTeamId: null, archived: false },
      { id: "t2", name: "Plattform", parentTeamId: "t1", archived: false },
      { id: "t3", name: "Försäljning", parentTeamId: null, archived: false },
      { id: "t4", name: "Support", parentTeamId: "t3", archived: false },
      { id: "t5", name: "Support", parentTeamId: "t1", archived: false },
      { id: "t6", name: "Arkiv", parentTeamId: null, archived: true },
    ],
    ...extra,
  };
}

const HEADER = "name,email,team,parent team,manager email,role";

function plan(lines: string[], options: { snap?: OrgSnapshot; actor?: PlanActor; header?: string } = {}) {
  const parsed = parseImportCsv([options.header ?? HEADER, ...lines].join("\n"));
  expect(parsed.fileErrors).toEqual([]);
  return planImport(parsed.rows, options.snap ?? snapshot(), options.actor ?? ADMIN, NOW);
}

const errorCodes = (row: RowPlan) => row.errors.map((error) => error.code);
const noteCodes = (row: RowPlan) => row.notes.map((note) => note.code);

describe("planImport", () => {
  describe("new people", () => {
    it("invites a person not in the organisation, as EMPLOYEE by default", () => {
      const result = plan(["Nina Ny,nina@org.se,,,,"]);
      expect(result.rows[0]).toMatchObject({
        action: "invite",
        changes: [{ field: "role", from: null, to: "EMPLOYEE" }],
        write: { kind: "createInvitation", email: "nina@org.se", name: "Nina Ny", role: "EMPLOYEE", team: null, managerId: null },
      });
      expect(result.summary).toEqual({ rows: 1, invite: 1, update: 0, unchanged: 0, error: 0, newTeams: 0 });
      expect(result.hasErrors).toBe(false);
    });

    it("places a new person in an existing team found by its path, with an existing manager", () => {
      const [row] = plan(["Nina,nina@org.se,Plattform,Teknik,boss@org.se,chef"]).rows;
      expect(row!.write).toEqual({
        kind: "createInvitation",
        email: "nina@org.se",
        name: "Nina",
        role: "MANAGER",
        team: { kind: "existing", id: "t2" },
        managerId: "m-boss",
      });
      expect(row!.changes).toEqual([
        { field: "role", from: null, to: "MANAGER" },
        { field: "team", from: null, to: "Teknik / Plattform" },
        { field: "manager", from: null, to: "boss@org.se" },
      ]);
    });

    it("matches team names regardless of case and spacing", () => {
      const [row] = plan(["Nina,nina@org.se,  plattform ,TEKNIK,,"]).rows;
      expect(row!.write).toMatchObject({ team: { kind: "existing", id: "t2" } });
      expect(plan(["Nina,nina@org.se,plattform,,,"]).rows[0]!.write).toMatchObject({ team: { kind: "existing", id: "t2" } });
    });
  });

  describe("teams", () => {
    it("creates a missing team under an existing parent", () => {
      const result = plan(["A,a@org.se,Mobil,Teknik,,"]);
      expect(result.newTeams).toEqual([{ key: "teknik\u0000mobil", name: "Mobil", path: "Teknik / Mobil", parent: { kind: "existing", id: "t1" } }]);
      expect(result.rows[0]!.write).toMatchObject({ team: { kind: "new", key: "teknik\u0000mobil" } });
      expect(result.summary.newTeams).toBe(1);
    });

    it("creates a missing parent at the top, parents before children, each once", () => {
      const result = plan(["A,a@org.se,Lager,Logistik,,", "B,b@org.se,lager,logistik,,", "C,c@org.se,Transport,Logistik,,"]);
      expect(result.newTeams.map((team) => team.path)).toEqual(["Logistik", "Logistik / Lager", "Logistik / Transport"]);
      expect(result.newTeams[0]!.parent).toBeNull();
      expect(result.newTeams[1]!.parent).toEqual({ kind: "new", key: "logistik" });
      expect(result.rows[1]!.write).toMatchObject({ team: { kind: "new", key: "logistik\u0000lager" } });
    });

    it("follows a parent written as a path from the top", () => {
      const result = plan(["A,a@org.se,Backend,Teknik / Plattform,,", "B,b@org.se,Nytt,Ny avd / Ny grupp,,"]);
      expect(result.rows[0]!.write).toMatchObject({ team: { kind: "new", key: "teknik\u0000plattform\u0000backend" } });
      expect(result.newTeams.map((team) => team.path)).toEqual(["Ny avd", "Ny avd / Ny grupp", "Teknik / Plattform / Backend", "Ny avd / Ny grupp / Nytt"]);
    });

    it("finds a parent declared elsewhere in the file", () => {
      const result = plan(["A,a@org.se,Backend,Plattform,,", "B,b@org.se,Lager,Logistik,,", "C,c@org.se,Truck,Lager,,"]);
      expect(result.rows[0]!.write).toMatchObject({ team: { kind: "new", key: "teknik\u0000plattform\u0000backend" } });
      expect(result.rows[2]!.write).toMatchObject({ team: { kind: "new", key: "logistik\u0000lager\u0000truck" } });
    });

    it("refuses a team name that several teams have, naming their paths", () => {
      const [row] = plan(["A,a@org.se,Support,,,"]).rows;
      expect(row!.action).toBe("error");
      expect(row!.errors).toEqual([{ code: "teamAmbiguous", params: { team: "Support", paths: "Försäljning / Support; Teknik / Support" } }]);
      // naming the parent settles it
      expect(plan(["A,a@org.se,Support,Försäljning,,"]).rows[0]!.write).toMatchObject({ team: { kind: "existing", id: "t4" } });
    });

    it("creates a new team beside an archived namesake, and says so", () => {
      const result = plan(["A,a@org.se,Arkiv,,,", "B,b@org.se,Gammalt,Arkiv,,"]);
      expect(result.rows.map((row) => row.action)).toEqual(["invite", "invite"]);
      expect(result.rows[0]!.notes).toEqual([{ code: "teamArchivedNamesake", params: { team: "Arkiv" } }]);
      expect(result.newTeams.map((team) => team.path)).toEqual(["Arkiv", "Arkiv / Gammalt"]);
    });

    it("moves someone out of an archived team into its new namesake", () => {
      const snap = snapshot();
      snap.members.push(member("m-old", "old@org.se", { teamId: "t6" }));
      const [row] = plan(["Old,old@org.se,Arkiv,,,"], { snap }).rows;
      expect(row!.changes).toEqual([{ field: "team", from: "Arkiv", to: "Arkiv" }]);
      expect(row!.write).toMatchObject({ team: { kind: "new", key: "arkiv" } });
    });

    it("refuses teams that are each other's parents in the file", () => {
      const result = plan(["A,a@org.se,Ett,Två,,", "B,b@org.se,Två,Ett,,"]);
      expect(result.rows.map(errorCodes)).toEqual([["teamCycle"], ["teamCycle"]]);
    });

    it("allows a team under a namesake parent", () => {
      const result = plan(["A,a@org.se,Ekonomi,Ekonomi,,"]);
      expect(result.rows[0]!.errors).toEqual([]);
      expect(result.newTeams.map((team) => team.path)).toEqual(["Ekonomi", "Ekonomi / Ekonomi"]);
    });

    it("plans no team for rows with errors only", () => {
      const result = plan(["A,a@org.se,Lager,Logistik,,kung"]);
      expect(result.newTeams).toEqual([]);
      expect(result.summary.newTeams).toBe(0);
    });
  });

  describe("existing members", () => {
    it("updates only what differs, saying from and to", () => {
      const [row] = plan(["Emp Loyee,emp@org.se,Mobil,Teknik,admin@org.se,manager"]).rows;
      expect(row!.action).toBe("update");
      expect(row!.changes).toEqual([
        { field: "role", from: "EMPLOYEE", to: "MANAGER" },
        { field: "team", from: "Teknik / Plattform", to: "Teknik / Mobil" },
        { field: "manager", from: "boss@org.se", to: "admin@org.se" },
      ]);
      expect(row!.write).toEqual({
        kind: "updateMember",
        membershipId: "m-emp",
        email: "emp@org.se",
        role: "MANAGER",
        team: { kind: "new", key: "teknik\u0000mobil" },
        managerId: "m-admin",
      });
    });

    it("says 'unchanged' when the file matches, and writes nothing", () => {
      const [row] = plan(["Emp Loyee,EMP@org.se,Plattform,Teknik,boss@org.se,Medarbetare"]).rows;
      expect(row).toMatchObject({ action: "unchanged", changes: [], write: null, errors: [] });
    });

    it("leaves team, manager and role alone when their cells are empty", () => {
      expect(plan(["Emp Loyee,emp@org.se,,,,"]).rows[0]!.action).toBe("unchanged");
      expect(plan(["Emp Loyee,emp@org.se"], { header: "name,email" }).rows[0]!.action).toBe("unchanged");
    });

    it("never renames a member's account, but mentions the difference", () => {
      const [row] = plan(["Emma Annan,emp@org.se,,,,"]).rows;
      expect(row!.action).toBe("unchanged");
      expect(row!.notes).toEqual([{ code: "nameKept", params: { name: "Emp Loyee" } }]);
    });

    it("updates a deactivated member without reactivating them, and says so", () => {
      const [row] = plan(["gone,gone@org.se,,,,hr"]).rows;
      expect(row!.action).toBe("update");
      expect(noteCodes(row!)).toContain("deactivated");
      expect(row!.write).toEqual({ kind: "updateMember", membershipId: "m-gone", email: "gone@org.se", role: "HR" });
    });

    it("refuses changing one's own role", () => {
      expect(errorCodes(plan(["Ada Admin,admin@org.se,,,,employee"]).rows[0]!)).toEqual(["ownRole"]);
      expect(plan(["Ada Admin,admin@org.se,Plattform,Teknik,,admin"]).rows[0]!.action).toBe("update");
    });
  });

  describe("managers and reporting lines", () => {
    it("accepts a manager who is a person in the same file, linked once they have joined", () => {
      const result = plan(["Nya Chefen,chefen@org.se,,,,chef", "Nina,nina@org.se,,,chefen@org.se,"]);
      expect(result.rows[1]!.action).toBe("invite");
      expect(result.rows[1]!.write).toMatchObject({ managerId: null });
      expect(result.rows[1]!.notes).toEqual([{ code: "managerPending", params: { email: "chefen@org.se" } }]);
    });

    it("accepts a manager with a pending invitation, with the same note, and keeps a member's current manager", () => {
      const snap = snapshot({
        invitations: [{ invitationId: "i1", email: "invited@org.se", name: "Inv", role: "MANAGER", teamId: null, managerId: null, expiresAt: new Date("2027-03-05") }],
      });
      const [row] = plan(["Emp Loyee,emp@org.se,,,invited@org.se,"], { snap }).rows;
      expect(row).toMatchObject({ action: "unchanged", errors: [] });
      expect(noteCodes(row!)).toEqual(["managerPending"]);
    });

    it("refuses an unknown manager", () => {
      expect(plan(["Nina,nina@org.se,,,nobody@org.se,"]).rows[0]!.errors).toEqual([{ code: "unknownManager", params: { email: "nobody@org.se" } }]);
    });

    it("refuses a person as their own manager", () => {
      expect(errorCodes(plan(["Nina,nina@org.se,,,nina@org.se,"]).rows[0]!)).toEqual(["managerSelf"]);
    });

    it("refuses a deactivated manager", () => {
      expect(errorCodes(plan(["Nina,nina@org.se,,,gone@org.se,"]).rows[0]!)).toEqual(["managerDeactivated"]);
    });

    it("refuses a cycle within the file", () => {
      const result = plan(["A,a@org.se,,,b@org.se,", "B,b@org.se,,,c@org.se,", "C,c@org.se,,,a@org.se,", "D,d@org.se,,,a@org.se,"]);
      expect(result.rows.map(errorCodes)).toEqual([["cycle"], ["cycle"], ["cycle"], []]);
      expect(result.rows[0]!.errors[0]!.params.chain).toBe("a@org.se → b@org.se → c@org.se → a@org.se");
      expect(result.hasErrors).toBe(true);
    });

    it("refuses a cycle made by the file together with the organisation's lines", () => {
      // emp reports to boss today; making boss report to emp closes a circle
      const result = plan(["boss,boss@org.se,,,emp@org.se,"]);
      expect(errorCodes(result.rows[0]!)).toEqual(["cycle"]);
      expect(result.rows[0]!.errors[0]!.params.chain).toBe("boss@org.se → emp@org.se → boss@org.se");
    });

    it("accepts the same people when the file also moves the line that would close the circle", () => {
      const result = plan(["boss,boss@org.se,,,emp@org.se,", "Emp Loyee,emp@org.se,,,admin@org.se,"]);
      expect(result.rows.map(errorCodes)).toEqual([[], []]);
    });

    it("shortens a long cycle", () => {
      const lines = Array.from({ length: 8 }, (_, i) => `P${i},p${i}@org.se,,,p${(i + 1) % 8}@org.se,`);
      const chain = plan(lines).rows[0]!.errors[0]!.params.chain as string;
      expect(chain.split(" → ")).toHaveLength(7);
      expect(chain).toContain("…");
    });
  });

  describe("pending invitations", () => {
    const pending = (expiresAt: Date, extra: Partial<OrgSnapshot["invitations"][number]> = {}) =>
      snapshot({ invitations: [{ invitationId: "i1", email: "nina@org.se", name: "Nina", role: "EMPLOYEE", teamId: "t2", managerId: "m-boss", expiresAt, ...extra }] });

    it("counts a valid invitation as known: the same row changes nothing", () => {
      const [row] = plan(["Nina,nina@org.se,Plattform,Teknik,boss@org.se,"], { snap: pending(new Date("2027-03-05")) }).rows;
      expect(row).toMatchObject({ action: "unchanged", write: null });
      expect(row!.notes).toEqual([{ code: "alreadyInvited", params: { expires: "2027-03-05" } }]);
    });

    it("updates a valid invitation that differs, keeping its link", () => {
      const [row] = plan(["Nina Ny,nina@org.se,Plattform,Teknik,admin@org.se,hr"], { snap: pending(new Date("2027-03-05")) }).rows;
      expect(row!.action).toBe("update");
      expect(row!.changes.map((change) => change.field)).toEqual(["name", "role", "manager"]);
      expect(row!.write).toEqual({ kind: "updateInvitation", invitationId: "i1", name: "Nina Ny", role: "HR", team: { kind: "existing", id: "t2" }, managerId: "m-admin" });
    });

    it("renews an expired invitation in place instead of adding another", () => {
      const [row] = plan(["Nina,nina@org.se,,,,"], { snap: pending(new Date("2027-02-01")) }).rows;
      expect(row!.action).toBe("invite");
      expect(row!.write).toMatchObject({ kind: "renewInvitation", invitationId: "i1", team: { kind: "existing", id: "t2" }, managerId: "m-boss" });
      expect(noteCodes(row!)).toEqual(["invitationRenewed"]);
    });

    it("prefers a member to an old invitation of the same e-mail", () => {
      const snap = snapshot({
        invitations: [{ invitationId: "i9", email: "emp@org.se", name: null, role: "HR", teamId: null, managerId: null, expiresAt: new Date("2027-03-05") }],
      });
      expect(plan(["Emp Loyee,emp@org.se,,,,"], { snap }).rows[0]!.action).toBe("unchanged");
    });
  });

  describe("HR's limits", () => {
    it("refuses HR granting ADMIN to a new person or a member", () => {
      expect(errorCodes(plan(["Nina,nina@org.se,,,,admin"], { actor: HR }).rows[0]!)).toEqual(["cannotGrantAdmin"]);
      expect(errorCodes(plan(["Emp Loyee,emp@org.se,,,,administratör"], { actor: HR }).rows[0]!)).toEqual(["cannotGrantAdmin"]);
      expect(plan(["Nina,nina@org.se,,,,admin"], { actor: ADMIN }).rows[0]!.action).toBe("invite");
    });

    it("refuses HR changing an existing ADMIN, but lets an unchanged ADMIN row pass", () => {
      expect(errorCodes(plan(["Ada Admin,admin@org.se,Plattform,Teknik,,"], { actor: HR }).rows[0]!)).toEqual(["cannotChangeAdmin"]);
      expect(errorCodes(plan(["Ada Admin,admin@org.se,,,,hr"], { actor: HR }).rows[0]!)).toEqual(["cannotChangeAdmin"]);
      expect(plan(["Ada Admin,admin@org.se,,,,admin"], { actor: HR }).rows[0]!.action).toBe("unchanged");
    });

    it("lets HR make other changes", () => {
      expect(plan(["Emp Loyee,emp@org.se,,,,chef"], { actor: HR }).rows[0]!.action).toBe("update");
    });
  });

  it("reports parse errors as row errors and counts them", () => {
    const result = plan([",bad,,,,", "Ok,ok@org.se,,,,"]);
    expect(result.rows.map((row) => row.action)).toEqual(["error", "invite"]);
    expect(result.summary).toMatchObject({ rows: 2, invite: 1, error: 1 });
  });

  it("marks duplicates in the file as errors on every occurrence", () => {
    const result = plan(["A,dup@org.se,,,,", "B,dup@org.se,,,,"]);
    expect(result.rows.map(errorCodes)).toEqual([["duplicateEmail"], ["duplicateEmail"]]);
  });

  it("plans 5,000 rows quickly", () => {
    const lines = ["Boss,bigboss@org.se,,,,chef"];
    for (let i = 0; i < 5000; i++) lines.push(`P ${i},p${i}@org.se,Team ${i % 50},Dept ${i % 5},${i < 100 ? "bigboss@org.se" : `p${i % 100}@org.se`},`);
    const started = performance.now();
    const result = plan(lines);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.hasErrors).toBe(false);
    expect(result.summary.newTeams).toBe(55);
  });
});
