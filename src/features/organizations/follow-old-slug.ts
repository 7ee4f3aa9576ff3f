import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { currentSlugForOldSlug, pathUnderNewSlug } from "./slug-alias";

/**
 * For the organisation layout: an organisation page that answered NOT_FOUND under an old
 * slug of the caller's organisation redirects to the same page under its new slug.
 * Anything else is rethrown, so non-members still see the not-found page.
 */
export async function followOldSlug<T>(page: Promise<T>, orgSlug: string): Promise<T> {
  try {
    return await page;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") {
      const actor = await currentActor();
      const target = actor ? await currentSlugForOldSlug(await getDb(), actor.userId, orgSlug) : null;
      if (target) redirect(pathUnderNewSlug((await headers()).get("x-smarta-pathname"), orgSlug, target));
    }
    throw error;
  }
}
