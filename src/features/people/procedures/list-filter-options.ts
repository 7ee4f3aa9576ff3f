import { orgProcedureWith, orgInput } from "@/server/trpc/init";
import { ZMemberFilterOptions } from "../people.schema";
import { memberFilterOptions } from "../people.service";

/** Teams (with their paths) and managers, for the people page's filters and edit form. */
export const listFilterOptions = orgProcedureWith("member.manage")
  .input(orgInput({}))
  .output(ZMemberFilterOptions)
  .query(({ ctx }) => memberFilterOptions(ctx.orgDb));
