import { router } from "@/server/trpc/init";
import { getSettings } from "./procedures/get-settings";
import { listMyOrganizations } from "./procedures/list-my-organizations";
import { updateSettings } from "./procedures/update-settings";

export const organizationRouter = router({ listMine: listMyOrganizations, getSettings, updateSettings });
