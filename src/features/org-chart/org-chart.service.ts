import { activeLeadsByTeam, listTeamRows } from "@/features/teams/teams.repository";
import { buildTeamTree } from "@/features/teams/tree";
import { notFound } from "@/lib/errors";
import type { OrgDb } from "@/server/db/for-org";
import { listActivePeople, managerChainRows } from "./org-chart.repository";
import type { ChainLink, OrgChart, OrgChartPerson } from "./org-chart.schema";

/** Active teams with leads and people; people in no team or an archived one are listed apart. */
export async function getOrgChart(orgDb: OrgDb): Promise<OrgChart> {
  const [teams, leads, people] = await Promise.all([listTeamRows(orgDb), activeLeadsByTeam(orgDb), listActivePeople(orgDb)]);
  // archiving needs the sub-teams archived first, so the active teams form whole branches
  const active = teams.filter((team) => !team.archived);
  const activeIds = new Set(active.map((team) => team.id));
  const peopleByTeam = new Map<string, OrgChartPerson[]>();
  const withoutTeam: OrgChartPerson[] = [];
  for (const { teamId, ...person } of people) {
    if (teamId && activeIds.has(teamId)) {
      const list = peopleByTeam.get(teamId);
      if (list) list.push(person);
      else peopleByTeam.set(teamId, [person]);
    } else {
      withoutTeam.push(person);
    }
  }
  const counts = new Map([...peopleByTeam].map(([teamId, list]) => [teamId, list.length]));
  return {
    teams: buildTeamTree(active, counts).map((entry) => ({
      id: entry.id,
      name: entry.name,
      parentTeamId: entry.parentTeamId,
      depth: entry.depth,
      childIds: entry.childIds,
      leads: leads.get(entry.id) ?? [],
      people: peopleByTeam.get(entry.id) ?? [],
      totalHeadCount: entry.totalHeadCount,
    })),
    withoutTeam,
  };
}

/** The person's managers, nearest first, up to the top (or the depth limit). */
export async function getManagerChain(orgDb: OrgDb, membershipId: string): Promise<ChainLink[]> {
  const rows = await managerChainRows(orgDb, membershipId);
  if (rows.length === 0) throw notFound();
  return rows.filter((row) => row.depth > 0).map(({ membershipId: id, name, title, active }) => ({ membershipId: id, name, title, active }));
}
