import { z } from "zod";

export const FOLLOW_UP_CADENCES = ["WEEKLY", "BIWEEKLY", "MONTHLY"] as const;
export type FollowUpCadence = (typeof FOLLOW_UP_CADENCES)[number];

/** The limits of each setting, shared by the stored schema, the form and its hints. */
export const SETTING_LIMITS = {
  maxActiveGoalsPerPerson: { min: 1, max: 50 },
  onTrackMarginPoints: { min: 0, max: 100 },
  atRiskMarginPoints: { min: 0, max: 100 },
  lowConfidenceAtOrBelow: { min: 1, max: 10 },
  staleAfterCadences: { min: 1, max: 10 },
} as const;

const L = SETTING_LIMITS;

/**
 * Organisation settings, stored as JSON and always read through this schema so that a
 * missing key takes its default. Defaults are the ones PRODUCT.md names.
 */
export const ZOrganizationSettings = z.object({
  maxActiveGoalsPerPerson: z.number().int().min(L.maxActiveGoalsPerPerson.min).max(L.maxActiveGoalsPerPerson.max).default(5),
  defaultCadence: z.enum(FOLLOW_UP_CADENCES).default("MONTHLY"),
  onTrackMarginPoints: z.number().min(L.onTrackMarginPoints.min).max(L.onTrackMarginPoints.max).default(10),
  atRiskMarginPoints: z.number().min(L.atRiskMarginPoints.min).max(L.atRiskMarginPoints.max).default(25),
  lowConfidenceAtOrBelow: z.number().int().min(L.lowConfidenceAtOrBelow.min).max(L.lowConfidenceAtOrBelow.max).default(4),
  staleAfterCadences: z.number().min(L.staleAfterCadences.min).max(L.staleAfterCadences.max).default(1.5),
});

export type OrganizationSettings = z.infer<typeof ZOrganizationSettings>;

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = ZOrganizationSettings.parse({});
