import { orgProcedureWith, orgInput } from "@/server/trpc/init";
import { ZMemberList, ZMemberListFilters } from "../people.schema";
import { listMembers as listMembersService } from "../people.service";

/** The organisation's people for administration: searched, filtered, paged, by name. */
export const listMembers = orgProcedureWith("member.manage")
  .input(orgInput(ZMemberListFilters))
  .output(ZMemberList)
  .query(({ ctx, input }) => {
    const { orgSlug: _orgSlug, ...filters } = input;
    return listMembersService(ctx.orgDb, filters);
  });
