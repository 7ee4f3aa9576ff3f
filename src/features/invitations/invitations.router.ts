import { router } from "@/server/trpc/init";

export const invitationRouter = router({});
