import { router } from "@/server/trpc/init";
import { archiveTeam } from "./procedures/archive-team";
import { createTeam } from "./procedures/create-team";
import { getTree } from "./procedures/get-tree";
import { listLeadCandidates } from "./procedures/list-lead-candidates";
import { moveTeam } from "./procedures/move-team";
import { renameTeam } from "./procedures/rename-team";
import { setTeamLeads } from "./procedures/set-team-leads";
import { unarchiveTeam } from "./procedures/unarchive-team";

export const teamRouter = router({
  tree: getTree,
  leadCandidates: listLeadCandidates,
  create: createTeam,
  rename: renameTeam,
  move: moveTeam,
  setLeads: setTeamLeads,
  archive: archiveTeam,
  unarchive: unarchiveTeam,
});
