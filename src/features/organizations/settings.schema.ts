import { z } from "zod";
import { LOCALES } from "@/i18n/config";
import { FOLLOW_UP_CADENCES, SETTING_LIMITS } from "./settings";

export const ORGANIZATION_NAME_MAX = 120;
export const SLUG_MIN = 2;
export const SLUG_MAX = 48;

/** Lower-case letters a–z, digits and dashes; no dash first or last. */
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const ZEditableSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(SLUG_MIN, { error: "settings.errors.slugLength" })
  .max(SLUG_MAX, { error: "settings.errors.slugLength" })
  .regex(SLUG_PATTERN, { error: "settings.errors.slugPattern" });

/** A number field of the form: whole or decimal, within its limits, with a message per failure. */
function number(limits: { min: number; max: number }, options: { whole: boolean; message: string }) {
  const base = z.number({ error: "settings.errors.notANumber" });
  const checked = options.whole ? base.int({ error: "settings.errors.wholeNumber" }) : base;
  return checked.min(limits.min, { error: options.message }).max(limits.max, { error: options.message });
}

/** Every field of the settings form, shared by the form (browser) and updateSettings. */
export const settingsFieldsShape = {
  name: z
    .string()
    .trim()
    .min(2, { error: "settings.errors.nameLength" })
    .max(ORGANIZATION_NAME_MAX, { error: "settings.errors.nameLength" }),
  slug: ZEditableSlug,
  locale: z.enum(LOCALES, { error: "settings.errors.choose" }),
  maxActiveGoalsPerPerson: number(SETTING_LIMITS.maxActiveGoalsPerPerson, { whole: true, message: "settings.errors.capRange" }),
  defaultCadence: z.enum(FOLLOW_UP_CADENCES, { error: "settings.errors.choose" }),
  onTrackMarginPoints: number(SETTING_LIMITS.onTrackMarginPoints, { whole: false, message: "settings.errors.marginRange" }),
  atRiskMarginPoints: number(SETTING_LIMITS.atRiskMarginPoints, { whole: false, message: "settings.errors.marginRange" }),
  lowConfidenceAtOrBelow: number(SETTING_LIMITS.lowConfidenceAtOrBelow, {
    whole: true,
    message: "settings.errors.confidenceRange",
  }),
  staleAfterCadences: number(SETTING_LIMITS.staleAfterCadences, { whole: false, message: "settings.errors.staleRange" }),
};

/** The at-risk band starts where the on-track band ends, so its margin cannot be the smaller one. */
export function checkSettingsTogether(
  value: { onTrackMarginPoints: number; atRiskMarginPoints: number },
  ctx: z.RefinementCtx,
): void {
  const { onTrackMarginPoints: onTrack, atRiskMarginPoints: atRisk } = value;
  if (Number.isFinite(onTrack) && Number.isFinite(atRisk) && atRisk < onTrack) {
    ctx.addIssue({ code: "custom", path: ["atRiskMarginPoints"], message: "settings.errors.atRiskBelowOnTrack" });
  }
}

export const ZSettingsFields = z.strictObject(settingsFieldsShape).superRefine(checkSettingsTogether);
export type SettingsFields = z.infer<typeof ZSettingsFields>;

export const ZOrganizationSettingsView = z.object({
  name: z.string(),
  slug: z.string(),
  locale: z.enum(LOCALES),
  settings: z.object({
    maxActiveGoalsPerPerson: z.number(),
    defaultCadence: z.enum(FOLLOW_UP_CADENCES),
    onTrackMarginPoints: z.number(),
    atRiskMarginPoints: z.number(),
    lowConfidenceAtOrBelow: z.number(),
    staleAfterCadences: z.number(),
  }),
  /** The version the form sends back, so a concurrent change is not overwritten. */
  updatedAt: z.date(),
});
export type OrganizationSettingsView = z.infer<typeof ZOrganizationSettingsView>;
