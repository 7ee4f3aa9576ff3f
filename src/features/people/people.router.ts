import { router } from "@/server/trpc/init";
import { getMe } from "./procedures/get-me";
import { getPerson } from "./procedures/get-person";

export const memberRouter = router({ me: getMe, get: getPerson });
