import type { Role } from "@/server/db/generated/enums";
import type { IssueParams, ParsedRow, RowIssue } from "./parse";

/**
 * Works out what importing parsed rows would do to one organisation, without touching a
 * database: the dry run shows this plan and the import recomputes and applies it.
 *
 * Rules (PRODUCT.md, "CSV import"): people are keyed by e-mail and teams by their path; the
 * import adds and updates, never deletes; people new to the organisation get invitations.
 * - An empty cell (or a missing column) leaves what the organisation has: it never clears a
 *   team, a manager or a role. New people without a role become EMPLOYEE.
 * - A person's own name belongs to their account (shared by all their organisations), so the
 *   import never renames a member; it only names invitations.
 * - A team is named by the team column under the parent team column. A parent written as one
 *   name is found by that name when exactly one team has it (in the organisation or the file),
 *   else it is a new top-level team; "Department / Team" is a path from the top. A team
 *   without a parent is likewise found by its name, or created at the top. Archived teams are
 *   never matched: as in the teams admin, their names block no one.
 * - A manager must be a member of the organisation, a person with a pending invitation, or a
 *   person in the same file. Reporting lines point at memberships, so a manager who has not
 *   joined yet cannot be linked: the row says so, and running the same file again after the
 *   manager has accepted sets the line (our chosen rule; there is nowhere to keep a manager
 *   e-mail on an invitation).
 */

export type SnapshotMember = {
  membershipId: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  managerId: string | null;
  active: boolean;
};

/** A pending invitation: not accepted, not revoked (it may have expired). */
export type SnapshotInvitation = {
  invitationId: string;
  email: string;
  name: string | null;
  role: Role;
  teamId: string | null;
  managerId: string | null;
  expiresAt: Date;
};

export type SnapshotTeam = { id: string; name: string; parentTeamId: string | null; archived: boolean };

export type OrgSnapshot = { members: SnapshotMember[]; invitations: SnapshotInvitation[]; teams: SnapshotTeam[] };

export type PlanActor = { email: string; canGrantAdmin: boolean };

export const PLAN_ROW_ERROR_CODES = [
  "unknownManager",
  "managerSelf",
  "managerDeactivated",
  "cycle",
  "teamAmbiguous",
  "teamCycle",
  "cannotGrantAdmin",
  "cannotChangeAdmin",
  "ownRole",
] as const;

export const ROW_NOTE_CODES = ["managerPending", "deactivated", "nameKept", "invitationRenewed", "alreadyInvited", "teamArchivedNamesake"] as const;
export type RowNoteCode = (typeof ROW_NOTE_CODES)[number];

export type ChangeField = "name" | "role" | "team" | "manager";
/** Values as shown: a role code, a team path, a manager's e-mail, a name. */
export type RowChange = { field: ChangeField; from: string | null; to: string | null };

export type TeamRef = { kind: "existing"; id: string } | { kind: "new"; key: string };

export type RowAction = "invite" | "update" | "unchanged" | "error";

export type RowPlan = {
  rowNumber: number;
  name: string;
  email: string;
  action: RowAction;
  changes: RowChange[];
  errors: RowIssue[];
  notes: RowIssue<RowNoteCode>[];
  /** What the import writes for this row; null when it writes nothing. */
  write: RowWrite | null;
};

export type RowWrite =
  | { kind: "createInvitation"; email: string; name: string; role: Role; team: TeamRef | null; managerId: string | null }
  | { kind: "renewInvitation"; invitationId: string; email: string; name: string; role: Role; team: TeamRef | null; managerId: string | null }
  | { kind: "updateInvitation"; invitationId: string; name: string; role: Role; team: TeamRef | null; managerId: string | null }
  | { kind: "updateMember"; membershipId: string; email: string; role?: Role; team?: TeamRef | null; managerId?: string | null };

export type NewTeam = { key: string; name: string; path: string; parent: TeamRef | null };

export type ImportPlan = {
  rows: RowPlan[];
  /** Parents before children. */
  newTeams: NewTeam[];
  summary: { rows: number; invite: number; update: number; unchanged: number; error: number; newTeams: number };
  hasErrors: boolean;
};

export const PATH_SEPARATOR = " / ";

/** Lower-case, whitespace-collapsed: team names are unique among siblings regardless of case. */
export function teamNameKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
}

const pathKeyOf = (segments: readonly string[]) => segments.map(teamNameKey).join("\u0000");

type Resolved = { ok: true; segments: string[] } | { ok: false; error: RowIssue };

/** Resolves each row's team to a path of display names, following the rules above. */
class TeamResolver {
  private readonly existingByPath = new Map<string, SnapshotTeam>();
  private readonly existingPaths = new Map<string, string[]>();
  private readonly pathById = new Map<string, string>();
  private readonly activeByName = new Map<string, string[]>();
  private readonly archivedPaths = new Set<string>();
  /** File rows that place a named team under a parent. */
  private readonly declaredUnder = new Map<string, ParsedRow[]>();
  private readonly byName = new Map<string, Resolved>();
  private readonly resolving = new Set<string>();
  /** The first spelling of a path seen in the file, for the teams the import creates. */
  private readonly spelling = new Map<string, string>();

  constructor(teams: SnapshotTeam[], rows: ParsedRow[]) {
    const byId = new Map(teams.map((team) => [team.id, team]));
    const pathOf = (team: SnapshotTeam): string[] => {
      const segments: string[] = [];
      const seen = new Set<string>();
      for (let node: SnapshotTeam | undefined = team; node && !seen.has(node.id); node = node.parentTeamId ? byId.get(node.parentTeamId) : undefined) {
        seen.add(node.id);
        segments.unshift(node.name);
      }
      return segments;
    };
    // An archived team's name blocks no one (as in the teams admin): the import matches active
    // teams only, and a file naming an archived one gets a new team, with a note saying so.
    for (const team of teams) {
      const segments = pathOf(team);
      const key = pathKeyOf(segments);
      this.pathById.set(team.id, segments.join(PATH_SEPARATOR));
      if (team.archived) {
        this.archivedPaths.add(key);
        continue;
      }
      if (!this.existingByPath.has(key)) {
        this.existingByPath.set(key, team);
        this.existingPaths.set(key, segments);
      }
      const nameKey = teamNameKey(team.name);
      this.activeByName.set(nameKey, [...(this.activeByName.get(nameKey) ?? []), key]);
    }
    for (const row of rows) {
      if (!row.team || !row.parentTeam) continue;
      const nameKey = teamNameKey(row.team);
      this.declaredUnder.set(nameKey, [...(this.declaredUnder.get(nameKey) ?? []), row]);
    }
  }

  /** The path of a row's team, or null when the row names no team. */
  rowPath(row: ParsedRow): Resolved | null {
    if (!row.team) return null;
    if (!row.parentTeam) return this.resolveName(row.team);
    const parent = this.resolveParent(row.parentTeam);
    if (!parent.ok) return parent;
    return { ok: true, segments: [...parent.segments, row.team] };
  }

  private resolveParent(parent: string): Resolved {
    const segments = parent.split("/").map((segment) => segment.replace(/\s+/g, " ").trim()).filter(Boolean);
    if (segments.length === 1) return this.resolveName(segments[0]!);
    return { ok: true, segments };
  }

  /** A single team name: the one team that has it, or a new top-level team. */
  private resolveName(name: string): Resolved {
    const nameKey = teamNameKey(name);
    const cached = this.byName.get(nameKey);
    if (cached) return cached;
    if (this.resolving.has(nameKey)) return { ok: false, error: { code: "teamCycle", params: { team: name } } };
    this.resolving.add(nameKey);
    const candidates = new Map<string, string[]>();
    for (const key of this.activeByName.get(nameKey) ?? []) candidates.set(key, this.existingPaths.get(key)!);
    let failure: Resolved | null = null;
    for (const row of this.declaredUnder.get(nameKey) ?? []) {
      // "Sales" under "Sales" names a team under a namesake, never under itself
      if (teamNameKey(row.parentTeam!) === nameKey) continue;
      const parent = this.resolveParent(row.parentTeam!);
      if (!parent.ok) {
        failure ??= parent;
        continue;
      }
      const segments = [...parent.segments, row.team!];
      candidates.set(pathKeyOf(segments), segments);
    }
    this.resolving.delete(nameKey);
    let result: Resolved;
    if (failure && candidates.size === 0) result = failure;
    else if (candidates.size > 1) {
      const paths = [...candidates.values()].map((segments) => segments.join(PATH_SEPARATOR)).sort();
      result = { ok: false, error: { code: "teamAmbiguous", params: { team: name, paths: paths.join("; ") } } };
    } else if (candidates.size === 1) result = { ok: true, segments: [...candidates.values()][0]! };
    else result = { ok: true, segments: [name] };
    this.byName.set(nameKey, result);
    return result;
  }

  /** Turns a path into a team reference; every missing level becomes a team to create. */
  refFor(segments: string[], newTeams: Map<string, NewTeam>): { ref: TeamRef; path: string; archivedNamesakes: string[] } {
    let parent: TeamRef | null = null;
    const display: string[] = [];
    const archivedNamesakes: string[] = [];
    for (let depth = 1; depth <= segments.length; depth++) {
      const prefix = segments.slice(0, depth);
      const key = pathKeyOf(prefix);
      const existing = this.existingByPath.get(key);
      if (existing) {
        display.push(existing.name);
        parent = { kind: "existing", id: existing.id };
        continue;
      }
      if (!this.spelling.has(key)) this.spelling.set(key, prefix[prefix.length - 1]!);
      display.push(this.spelling.get(key)!);
      if (this.archivedPaths.has(key)) archivedNamesakes.push(display.join(PATH_SEPARATOR));
      if (!newTeams.has(key)) newTeams.set(key, { key, name: this.spelling.get(key)!, path: display.join(PATH_SEPARATOR), parent });
      parent = { kind: "new", key };
    }
    return { ref: parent!, path: display.join(PATH_SEPARATOR), archivedNamesakes };
  }

  /** The path of an existing team, for showing what a person has now. */
  pathOfExisting(teamId: string | null): string | null {
    return teamId ? (this.pathById.get(teamId) ?? null) : null;
  }
}

type Person =
  | { kind: "member"; member: SnapshotMember }
  | { kind: "invitation"; invitation: SnapshotInvitation }
  | { kind: "new" };

const sameRef = (a: TeamRef | null, teamId: string | null) => (a === null ? teamId === null : a.kind === "existing" && a.id === teamId);

export function planImport(rows: ParsedRow[], snapshot: OrgSnapshot, actor: PlanActor, now: Date = new Date()): ImportPlan {
  const membersByEmail = new Map(snapshot.members.map((member) => [member.email.toLowerCase(), member]));
  const membersById = new Map(snapshot.members.map((member) => [member.membershipId, member]));
  const invitationsByEmail = new Map<string, SnapshotInvitation>();
  // the newest pending invitation of an e-mail is the one the import keeps up to date
  for (const invitation of [...snapshot.invitations].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())) {
    invitationsByEmail.set(invitation.email.toLowerCase(), invitation);
  }
  const rowsByEmail = new Map<string, ParsedRow>();
  for (const row of rows) if (row.email && !rowsByEmail.has(row.email)) rowsByEmail.set(row.email, row);

  const personOf = (email: string): Person => {
    const member = membersByEmail.get(email);
    if (member) return { kind: "member", member };
    const invitation = invitationsByEmail.get(email);
    if (invitation) return { kind: "invitation", invitation };
    return { kind: "new" };
  };

  const teams = new TeamResolver(snapshot.teams, rows);
  const newTeams = new Map<string, NewTeam>();
  const cycles = findCycles(rows, snapshot, membersById);
  const actorEmail = actor.email.toLowerCase();

  const planned = rows.map((row): RowPlan => {
    const errors: RowIssue[] = [...row.errors];
    const notes: RowIssue<RowNoteCode>[] = [];
    const person = row.email && !errors.some((error) => error.code === "invalidEmail") ? personOf(row.email) : ({ kind: "new" } as Person);

    // the team
    let team: { ref: TeamRef; path: string } | null = null;
    const path = teams.rowPath(row);
    if (path && !path.ok) errors.push(path.error);
    else if (path) {
      const ref = teams.refFor(path.segments, newTeams);
      team = { ref: ref.ref, path: ref.path };
      for (const archived of ref.archivedNamesakes) notes.push({ code: "teamArchivedNamesake", params: { team: archived } });
    }

    // the manager: a membership id, or "pending" for a person who has not joined yet
    let manager: { membershipId: string | null; email: string } | null = null;
    if (row.managerEmail && !errors.some((error) => error.code === "invalidManagerEmail")) {
      if (row.managerEmail === row.email) errors.push({ code: "managerSelf", params: {} });
      else {
        const boss = personOf(row.managerEmail);
        if (boss.kind === "member") {
          if (!boss.member.active) errors.push({ code: "managerDeactivated", params: { email: row.managerEmail } });
          else manager = { membershipId: boss.member.membershipId, email: row.managerEmail };
        } else if (boss.kind === "invitation" || rowsByEmail.has(row.managerEmail)) {
          manager = { membershipId: null, email: row.managerEmail };
          notes.push({ code: "managerPending", params: { email: row.managerEmail } });
        } else errors.push({ code: "unknownManager", params: { email: row.managerEmail } });
      }
    }
    const cycle = cycles.get(row.email);
    if (cycle) errors.push({ code: "cycle", params: { chain: cycle } });

    const base = { rowNumber: row.rowNumber, name: row.name, email: row.email, errors, notes };

    if (person.kind === "member") {
      const current = person.member;
      const changes: RowChange[] = [];
      const write: Extract<RowWrite, { kind: "updateMember" }> = { kind: "updateMember", membershipId: current.membershipId, email: row.email };
      if (row.role && row.role !== current.role) {
        changes.push({ field: "role", from: current.role, to: row.role });
        write.role = row.role;
      }
      if (team && !sameRef(team.ref, current.teamId)) {
        changes.push({ field: "team", from: teams.pathOfExisting(current.teamId), to: team.path });
        write.team = team.ref;
      }
      if (manager?.membershipId && manager.membershipId !== current.managerId) {
        changes.push({ field: "manager", from: emailOfMember(membersById, current.managerId), to: manager.email });
        write.managerId = manager.membershipId;
      }
      if (!current.active) notes.push({ code: "deactivated", params: {} });
      if (row.name && row.name !== current.name) notes.push({ code: "nameKept", params: { name: current.name } });
      checkRoleRights(errors, actor, actorEmail, row, current.role, changes);
      return finish(base, changes, changes.length > 0 ? write : null, "update");
    }

    const role = row.role ?? (person.kind === "invitation" ? person.invitation.role : "EMPLOYEE");
    const teamRef = team ? team.ref : person.kind === "invitation" ? existingRef(person.invitation.teamId) : null;
    // a pending manager stays unlinked; an invitation keeps the manager it has when the file names none
    const managerId = manager ? manager.membershipId : person.kind === "invitation" ? person.invitation.managerId : null;

    if (person.kind === "invitation" && person.invitation.expiresAt.getTime() > now.getTime()) {
      const current = person.invitation;
      const changes: RowChange[] = [];
      if (row.name && row.name !== (current.name ?? "")) changes.push({ field: "name", from: current.name, to: row.name });
      if (role !== current.role) changes.push({ field: "role", from: current.role, to: role });
      if (team && !sameRef(team.ref, current.teamId)) changes.push({ field: "team", from: teams.pathOfExisting(current.teamId), to: team.path });
      if (manager?.membershipId && manager.membershipId !== current.managerId) {
        changes.push({ field: "manager", from: emailOfMember(membersById, current.managerId), to: manager.email });
      }
      checkRoleRights(errors, actor, actorEmail, row, current.role, changes);
      if (changes.length === 0) notes.push({ code: "alreadyInvited", params: { expires: current.expiresAt.toISOString().slice(0, 10) } });
      const write: RowWrite = { kind: "updateInvitation", invitationId: current.invitationId, name: row.name || current.name || "", role, team: teamRef, managerId };
      return finish(base, changes, changes.length > 0 ? write : null, "update");
    }

    // new to the organisation (or only an expired invitation, which is renewed in place)
    const changes: RowChange[] = [{ field: "role", from: null, to: role }];
    if (team) changes.push({ field: "team", from: null, to: team.path });
    if (manager) changes.push({ field: "manager", from: null, to: manager.email });
    checkRoleRights(errors, actor, actorEmail, row, null, changes);
    const fields = { email: row.email, name: row.name, role, team: teamRef, managerId };
    const write: RowWrite =
      person.kind === "invitation"
        ? { kind: "renewInvitation", invitationId: person.invitation.invitationId, ...fields }
        : { kind: "createInvitation", ...fields };
    if (person.kind === "invitation") notes.push({ code: "invitationRenewed", params: {} });
    return finish(base, changes, write, "invite");
  });

  // teams only rows with errors asked for are not part of the plan
  const wanted = new Set<string>();
  for (const row of planned) {
    if (row.errors.length > 0 || !row.write) continue;
    const ref = "team" in row.write ? row.write.team : undefined;
    for (let key = ref?.kind === "new" ? ref.key : undefined; key; ) {
      wanted.add(key);
      const parent: TeamRef | null = newTeams.get(key)!.parent;
      key = parent?.kind === "new" ? parent.key : undefined;
    }
  }
  const teamsToCreate = [...newTeams.values()].filter((team) => wanted.has(team.key)).sort((a, b) => depth(a.key) - depth(b.key));

  const count = (action: RowAction) => planned.filter((row) => row.action === action).length;
  const summary = {
    rows: planned.length,
    invite: count("invite"),
    update: count("update"),
    unchanged: count("unchanged"),
    error: count("error"),
    newTeams: teamsToCreate.length,
  };
  return { rows: planned, newTeams: teamsToCreate, summary, hasErrors: summary.error > 0 };
}

const depth = (key: string) => key.split("\u0000").length;

function existingRef(teamId: string | null): TeamRef | null {
  return teamId ? { kind: "existing", id: teamId } : null;
}

function emailOfMember(membersById: Map<string, SnapshotMember>, membershipId: string | null): string | null {
  return membershipId ? (membersById.get(membershipId)?.email ?? null) : null;
}

function finish(
  base: Pick<RowPlan, "rowNumber" | "name" | "email" | "errors" | "notes">,
  changes: RowChange[],
  write: RowWrite | null,
  action: "invite" | "update",
): RowPlan {
  if (base.errors.length > 0) return { ...base, action: "error", changes, write: null };
  if (!write) return { ...base, action: "unchanged", changes: [], write: null };
  return { ...base, action, changes, write };
}

/** HR may not hand out ADMIN nor touch an ADMIN; nobody changes their own role by import. */
function checkRoleRights(errors: RowIssue[], actor: PlanActor, actorEmail: string, row: ParsedRow, currentRole: Role | null, changes: RowChange[]) {
  const roleChange = changes.find((change) => change.field === "role" && change.from !== null);
  if (!actor.canGrantAdmin) {
    if (currentRole === "ADMIN" && changes.length > 0) errors.push({ code: "cannotChangeAdmin", params: {} });
    else if (currentRole !== "ADMIN" && changes.some((change) => change.field === "role" && change.to === "ADMIN")) {
      errors.push({ code: "cannotGrantAdmin", params: {} });
    }
  }
  if (roleChange && row.email === actorEmail) errors.push({ code: "ownRole", params: {} });
}

/**
 * Reporting lines after the file is laid over the organisation's: each person's manager is
 * the file's when it names one, else the current one. Returns, per e-mail of a file row on a
 * cycle, the cycle written out ("a → b → a").
 */
function findCycles(rows: ParsedRow[], snapshot: OrgSnapshot, membersById: Map<string, SnapshotMember>): Map<string, string> {
  const managerOf = new Map<string, string>();
  for (const member of snapshot.members) {
    const boss = member.managerId ? membersById.get(member.managerId) : undefined;
    if (boss) managerOf.set(member.email.toLowerCase(), boss.email.toLowerCase());
  }
  for (const invitation of snapshot.invitations) {
    const boss = invitation.managerId ? membersById.get(invitation.managerId) : undefined;
    if (boss && !managerOf.has(invitation.email.toLowerCase())) managerOf.set(invitation.email.toLowerCase(), boss.email.toLowerCase());
  }
  const inFile = new Set<string>();
  for (const row of rows) {
    if (!row.email) continue;
    inFile.add(row.email);
    if (row.managerEmail && row.managerEmail !== row.email) managerOf.set(row.email, row.managerEmail);
  }

  const result = new Map<string, string>();
  const state = new Map<string, "visiting" | "done">();
  for (const start of inFile) {
    if (state.has(start)) continue;
    const trail: string[] = [];
    let node: string | undefined = start;
    while (node !== undefined && !state.has(node)) {
      state.set(node, "visiting");
      trail.push(node);
      node = managerOf.get(node);
    }
    if (node !== undefined && state.get(node) === "visiting") {
      const cycle = trail.slice(trail.indexOf(node));
      const shown = cycle.length > 6 ? [...cycle.slice(0, 5), "…"] : cycle;
      const chain = [...shown, node].join(" → ");
      for (const email of cycle) if (inFile.has(email)) result.set(email, chain);
    }
    for (const email of trail) state.set(email, "done");
  }
  return result;
}

export type { IssueParams };
