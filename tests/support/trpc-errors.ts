import { TRPCError } from "@trpc/server";

/** The TRPCError a call fails with; fails the test if it succeeds or throws anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** "OK" or the tRPC error code of a call, for tables of expectations. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `UNEXPECTED ${String(error)}`;
  }
}
