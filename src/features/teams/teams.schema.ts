import { z } from "zod";

/** A team name as typed: trimmed, 1–100 characters. Messages are keys of the "errors" catalogue. */
export const ZTeamName = z.string().trim().min(1, "required").max(100, "tooLong");

/** The name field of the create and rename forms, checked in the browser before sending. */
export const ZTeamNameForm = z.object({ name: ZTeamName });

export const ZPersonRef = z.object({ membershipId: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof ZPersonRef>;

export const ZTeamTreeEntry = z.object({
  id: z.string(),
  name: z.string(),
  parentTeamId: z.string().nullable(),
  archived: z.boolean(),
  depth: z.number().int(),
  childIds: z.array(z.string()),
  leads: z.array(ZPersonRef),
  /** Active people placed directly in the team. */
  directHeadCount: z.number().int(),
  /** Active people in the team and every team below it. */
  totalHeadCount: z.number().int(),
});
export type TeamTreeEntry = z.infer<typeof ZTeamTreeEntry>;

/** The whole tree as a flat list in display order (depth first, siblings by name). */
export const ZTeamTree = z.object({ teams: z.array(ZTeamTreeEntry) });

export const ZTeamSummary = z.object({
  id: z.string(),
  name: z.string(),
  parentTeamId: z.string().nullable(),
  archived: z.boolean(),
});

export const ZLeadCandidate = z.object({
  membershipId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  teamName: z.string().nullable(),
});
export type LeadCandidate = z.infer<typeof ZLeadCandidate>;
