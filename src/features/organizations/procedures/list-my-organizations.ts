import { z } from "zod";
import { protectedProcedure } from "@/server/trpc/init";
import { listOrganizationsOfUser } from "../organizations.repository";

export const ZMyOrganization = z.object({
  slug: z.string(),
  name: z.string(),
  locale: z.enum(["sv", "en"]),
  role: z.enum(["ADMIN", "HR", "MANAGER", "EMPLOYEE"]),
});

export const listMyOrganizations = protectedProcedure
  .output(z.array(ZMyOrganization))
  .query(({ ctx }) => listOrganizationsOfUser(ctx.db, ctx.actor.userId));
