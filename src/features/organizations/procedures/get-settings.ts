import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { getSettings as getSettingsService } from "../organizations.service";
import { ZOrganizationSettingsView } from "../settings.schema";

export const getSettings = orgProcedureWith("organization.settings.update")
  .input(orgInput({}))
  .output(ZOrganizationSettingsView)
  .query(({ ctx }) => getSettingsService(ctx.orgDb));
