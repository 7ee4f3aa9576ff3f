import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { updateSettings as updateSettingsService } from "../organizations.service";
import { checkSettingsTogether, settingsFieldsShape, ZOrganizationSettingsView } from "../settings.schema";

export const updateSettings = orgProcedureWith("organization.settings.update")
  .input(orgInput({ ...settingsFieldsShape, updatedAt: z.date() }).superRefine(checkSettingsTogether))
  .output(ZOrganizationSettingsView)
  .mutation(({ ctx, input }) =>
    updateSettingsService(ctx, {
      name: input.name,
      slug: input.slug,
      locale: input.locale,
      maxActiveGoalsPerPerson: input.maxActiveGoalsPerPerson,
      defaultCadence: input.defaultCadence,
      onTrackMarginPoints: input.onTrackMarginPoints,
      atRiskMarginPoints: input.atRiskMarginPoints,
      lowConfidenceAtOrBelow: input.lowConfidenceAtOrBelow,
      staleAfterCadences: input.staleAfterCadences,
      updatedAt: input.updatedAt,
    }),
  );
