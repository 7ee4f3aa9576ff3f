import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZAlignmentTree } from "../goals.schema";
import { getAlignmentTree as getAlignmentTreeService } from "../goals.service";

export const getAlignmentTree = orgProcedure
  .input(orgInput({ periodId: z.uuid() }))
  .output(ZAlignmentTree)
  .query(({ ctx, input }) => getAlignmentTreeService(ctx, input.periodId));
