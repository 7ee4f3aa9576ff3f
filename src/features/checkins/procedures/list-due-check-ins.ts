import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZDueCheckIns } from "../checkins.schema";
import { listDueCheckIns as listDueCheckInsService } from "../checkins.service";

/** The caller's check-ins due and, for managers, their reports' overdue ones. */
export const listDueCheckIns = orgProcedure
  .input(orgInput({}))
  .output(ZDueCheckIns)
  .query(({ ctx }) => listDueCheckInsService(ctx));
