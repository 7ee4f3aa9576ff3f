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

/** What the browser receives as field errors: the AppError's, or the zod issues' by path. */
export function fieldErrorsOf(error: TRPCError): Record<string, string[]> {
  const cause = error.cause as { fieldErrors?: Record<string, string[]>; issues?: { path: PropertyKey[]; message: string }[] };
  if (cause?.fieldErrors) return cause.fieldErrors;
  const fields: Record<string, string[]> = {};
  for (const issue of cause?.issues ?? []) (fields[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return fields;
}
