import { cases as audit } from "./audit";
import { cases as checkIns } from "./check-ins";
import { cases as csvImport } from "./csv-import";
import { cases as foundation } from "./foundation";
import { cases as goals } from "./goals";
import { cases as invitations } from "./invitations";
import { cases as orgChart } from "./org-chart";
import { cases as orgDashboard } from "./org-dashboard";
import { cases as people } from "./people";
import { cases as periods } from "./periods";
import { cases as reports } from "./reports";
import { cases as settings } from "./settings";
import { cases as teams } from "./teams";
import { cases as teamDashboard } from "./team-dashboard";
import type { OrgCase } from "./types";

const all = [foundation, teams, people, invitations, csvImport, periods, settings, audit, orgChart, goals, checkIns, orgDashboard, teamDashboard, reports];

export const ORG_PROCEDURES: Record<string, OrgCase> = Object.assign({}, ...all.map((c) => c.org)) as Record<string, OrgCase>;
export const ACCOUNT_PROCEDURES: string[] = all.flatMap((c) => c.account);
