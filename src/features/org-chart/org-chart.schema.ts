import { z } from "zod";
import { ZRole } from "@/features/people/people.schema";
import { ZPersonRef } from "@/features/teams/teams.schema";

export const ZOrgChartPerson = z.object({
  membershipId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  role: ZRole,
});
export type OrgChartPerson = z.infer<typeof ZOrgChartPerson>;

export const ZOrgChartTeam = z.object({
  id: z.string(),
  name: z.string(),
  parentTeamId: z.string().nullable(),
  depth: z.number().int(),
  childIds: z.array(z.string()),
  leads: z.array(ZPersonRef),
  /** Active people placed directly in the team, by name. */
  people: z.array(ZOrgChartPerson),
  totalHeadCount: z.number().int(),
});
export type OrgChartTeam = z.infer<typeof ZOrgChartTeam>;

/** Active teams in display order (depth first, siblings by name) and the active people outside them. */
export const ZOrgChart = z.object({
  teams: z.array(ZOrgChartTeam),
  withoutTeam: z.array(ZOrgChartPerson),
});
export type OrgChart = z.infer<typeof ZOrgChart>;

export const ZChainLink = z.object({
  membershipId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  active: z.boolean(),
});
export type ChainLink = z.infer<typeof ZChainLink>;
