import { orgInput, orgProcedure } from "@/server/trpc/init";
import { checkInSubmitShape, ZCheckInResult } from "../checkins.schema";
import { submitCheckIn as submitCheckInService } from "../checkins.service";

/** A new reading of an ACTIVE goal's measure, or a correction of an earlier one; idempotent by client key. */
export const submitCheckIn = orgProcedure
  .input(orgInput(checkInSubmitShape))
  .output(ZCheckInResult)
  .mutation(({ ctx, input }) => submitCheckInService(ctx, input));
