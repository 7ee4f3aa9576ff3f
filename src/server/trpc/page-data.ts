import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";

/**
 * For server components: a procedure's answer, or the page the error calls for
 * (not-found for NOT_FOUND, sign-in for a missing or revoked session).
 */
export async function pageData<T>(promise: Promise<T>, returnTo = "/"): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
      if (error.code === "UNAUTHORIZED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
    }
    throw error;
  }
}
