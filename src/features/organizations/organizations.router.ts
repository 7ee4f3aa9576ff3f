import { router } from "@/server/trpc/init";
import { listMyOrganizations } from "./procedures/list-my-organizations";

export const organizationRouter = router({ listMine: listMyOrganizations });
