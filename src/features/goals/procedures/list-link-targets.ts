import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZGoalKind, ZGoalLevel, ZLinkTarget } from "../goals.schema";
import { listLinkTargets as listLinkTargetsService } from "../goals.service";

/** Goals the goal being edited may link to: visible, open, an allowed level, in a period containing its own. */
export const listLinkTargets = orgProcedure
  .input(orgInput({ level: ZGoalLevel, kind: ZGoalKind, periodId: z.uuid(), goalId: z.uuid().nullable().optional() }))
  .output(z.array(ZLinkTarget))
  .query(({ ctx, input }) =>
    listLinkTargetsService(ctx, { level: input.level, kind: input.kind, periodId: input.periodId, goalId: input.goalId ?? null }),
  );
