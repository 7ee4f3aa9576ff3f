import { z } from "zod";

export const FOLLOW_UP_CADENCES = ["WEEKLY", "BIWEEKLY", "MONTHLY"] as const;

/**
 * Organisation settings, stored as JSON and always read through this schema so that a
 * missing key takes its default. Defaults are the ones PRODUCT.md names.
 */
export const ZOrganizationSettings = z.object({
  maxActiveGoalsPerPerson: z.number().int().min(1).max(50).default(5),
  defaultCadence: z.enum(FOLLOW_UP_CADENCES).default("MONTHLY"),
  onTrackMarginPoints: z.number().min(0).max(100).default(10),
  atRiskMarginPoints: z.number().min(0).max(100).default(25),
  lowConfidenceAtOrBelow: z.number().int().min(1).max(10).default(4),
  staleAfterCadences: z.number().min(1).max(10).default(1.5),
});

export type OrganizationSettings = z.infer<typeof ZOrganizationSettings>;

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = ZOrganizationSettings.parse({});
