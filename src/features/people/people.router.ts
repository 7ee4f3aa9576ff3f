import { router } from "@/server/trpc/init";
import { deactivateMember } from "./procedures/deactivate-member";
import { getMe } from "./procedures/get-me";
import { getPerson } from "./procedures/get-person";
import { listFilterOptions } from "./procedures/list-filter-options";
import { listMembers } from "./procedures/list-members";
import { reactivateMember } from "./procedures/reactivate-member";
import { updateMember } from "./procedures/update-member";

export const memberRouter = router({
  me: getMe,
  get: getPerson,
  list: listMembers,
  filterOptions: listFilterOptions,
  update: updateMember,
  deactivate: deactivateMember,
  reactivate: reactivateMember,
});
