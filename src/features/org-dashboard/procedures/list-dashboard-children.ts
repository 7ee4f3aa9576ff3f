import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZChildrenInput, ZDashboardChildren } from "../org-dashboard.schema";
import { listChildren } from "../org-dashboard.service";

/**
 * One level of the cascade tree: the performance goals directly under a goal (null: the
 * period's organisation goals), a page at a time, each with its numbers and child count.
 * Every member may ask; development goals are never part of it.
 */
export const listDashboardChildren = orgProcedure
  .input(orgInput(ZChildrenInput))
  .output(ZDashboardChildren)
  .query(({ ctx, input }) => listChildren(ctx, input));
