import { randomBytes } from "node:crypto";
import type { TenancyCases } from "./types";

const ADMIN_ONLY = ["ADMIN"] as const;
const freshName = () => `Team ${randomBytes(4).toString("hex")}`;

// The input cannot create rows, so each mutation is chosen to succeed when repeated: fresh
// names, a move to where the team already is, archive and unarchive as a pair (each answers
// the team unchanged when it is already in that state). The cases run in this order, and
// "team.create" (which adds sub-teams to "Team A") comes after archiving "Team A", which
// is refused while it has active sub-teams.
export const cases: TenancyCases = {
  org: {
    "team.tree": { input: () => ({}), allowed: ADMIN_ONLY },
    "team.leadCandidates": { input: () => ({}), allowed: ADMIN_ONLY },
    "team.rename": { input: (org) => ({ teamId: org.team.id, name: freshName() }), allowed: ADMIN_ONLY, mutates: true },
    "team.move": { input: (org) => ({ teamId: org.team.id, parentTeamId: null }), allowed: ADMIN_ONLY, mutates: true },
    "team.setLeads": {
      input: (org) => ({ teamId: org.team.id, membershipIds: [org.members.MANAGER.membershipId] }),
      allowed: ADMIN_ONLY,
      mutates: true,
    },
    "team.archive": { input: (org) => ({ teamId: org.team.id }), allowed: ADMIN_ONLY, mutates: true },
    "team.unarchive": { input: (org) => ({ teamId: org.team.id }), allowed: ADMIN_ONLY, mutates: true },
    "team.create": { input: (org) => ({ name: freshName(), parentTeamId: org.team.id }), allowed: ADMIN_ONLY, mutates: true },
  },
  account: [],
};
