import { z } from "zod";
import { notFound } from "@/lib/errors";
import { orgProcedureWith, orgInput } from "@/server/trpc/init";
import { findPerson } from "../people.repository";
import { ZPerson } from "../people.schema";

/** Any member may look up a colleague's place in the organisation (name, role, team, manager). */
export const getPerson = orgProcedureWith("member.read")
  .input(orgInput({ membershipId: z.uuid() }))
  .output(ZPerson)
  .query(async ({ ctx, input }) => {
    const person = await findPerson(ctx.orgDb, input.membershipId);
    if (!person) throw notFound();
    return person;
  });
