import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/trpc/root";

export type ClientError = {
  /** A key of the "errors" catalogue namespace. */
  messageKey: string;
  params: Record<string, string | number>;
  /** Field path → message keys, to show beside each field. */
  fieldErrors: Record<string, string[]>;
};

/** What a form needs from any failure of a tRPC call. */
export function toClientError(error: unknown): ClientError {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    return {
      messageKey: data?.messageKey ?? (data ? "unexpected" : "network"),
      params: data?.params ?? {},
      fieldErrors: data?.fieldErrors ?? {},
    };
  }
  return { messageKey: "unexpected", params: {}, fieldErrors: {} };
}

export type FieldErrors = Record<string, string[]>;

/** A browser-side zod failure as message keys per top-level field, like the server sends them. */
export function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}
