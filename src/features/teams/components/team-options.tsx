"use client";

import type { TeamTreeEntry } from "../teams.schema";
import { teamPath } from "../tree";

/** Options for a parent select: the teams in tree order, each labelled with its full path. */
export function ParentOptions({ teams, allowed }: { teams: readonly TeamTreeEntry[]; allowed: (team: TeamTreeEntry) => boolean }) {
  return (
    <>
      {teams.filter(allowed).map((team) => (
        <option key={team.id} value={team.id}>
          {teamPath(teams, team.id).join(" › ")}
        </option>
      ))}
    </>
  );
}
