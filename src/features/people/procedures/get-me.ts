import { z } from "zod";
import { permissionsOf } from "@/lib/permissions";
import { notFound } from "@/lib/errors";
import { orgProcedure, orgInput } from "@/server/trpc/init";
import { findPerson } from "../people.repository";
import { ZPerson } from "../people.schema";

/** The caller's own membership in the organisation, with what their role lets them do. */
export const getMe = orgProcedure
  .input(orgInput({}))
  .output(
    ZPerson.extend({
      organization: z.object({ slug: z.string(), name: z.string(), locale: z.enum(["sv", "en"]) }),
      permissions: z.array(z.string()),
    }),
  )
  .query(async ({ ctx }) => {
    const me = await findPerson(ctx.orgDb, ctx.membership.id);
    if (!me) throw notFound();
    const { slug, name, locale } = ctx.organization;
    return { ...me, organization: { slug, name, locale }, permissions: permissionsOf(ctx.membership.role) };
  });
