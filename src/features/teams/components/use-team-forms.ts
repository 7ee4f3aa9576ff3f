"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { z } from "zod";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";

/** A text field of a submitted form ("" when absent). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}

/** Errors of one form: beside each field, or for the form as a whole when no field is named. */
export function useFormErrors() {
  const errorMessage = useErrorMessage();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const reset = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  /** Shows a failed call's errors; returns nothing so callers can `return fail(error)`. */
  const fail = useCallback(
    (error: unknown) => {
      const clientError = toClientError(error);
      setFieldErrors(clientError.fieldErrors);
      setFormError(Object.keys(clientError.fieldErrors).length === 0 ? errorMessage(clientError.messageKey, clientError.params) : null);
    },
    [errorMessage],
  );

  /** Checks the input with the server's own schema first, so obvious mistakes show at once. */
  const check = useCallback(<T,>(schema: z.ZodType<T>, field: string, value: unknown): value is T => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return true;
    setFieldErrors({ [field]: parsed.error.issues.map((issue) => issue.message) });
    setFormError(null);
    return false;
  }, []);

  const errorsOf = (field: string) => fieldErrors[field]?.map((key) => errorMessage(key));
  return { errorsOf, formError, fail, reset, check };
}

/** After a change to a team: the admin tree, the people pickers and the org chart reload. */
export function useRefreshTeams() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.team.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.orgChart.pathKey() }),
      ]),
    [queryClient, trpc],
  );
}
