"use client";

import { useCallback, useState } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { fieldErrorsOf, toClientError, type FieldErrors } from "@/lib/trpc/errors";

/**
 * The errors of one form: translated messages beside each field, and one message for the
 * form when a failure names no field.
 */
export function useFormErrors() {
  const errorMessage = useErrorMessage();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const errorsOf = useCallback((field: string) => fieldErrors[field]?.map((key) => errorMessage(key)), [fieldErrors, errorMessage]);
  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);
  /** A browser-side validation failure. */
  const showInvalid = useCallback((error: Parameters<typeof fieldErrorsOf>[0]) => {
    setFieldErrors(fieldErrorsOf(error));
    setFormError(null);
  }, []);
  /** Any failure of a server call. */
  const showFailure = useCallback(
    (error: unknown) => {
      const clientError = toClientError(error);
      setFieldErrors(clientError.fieldErrors);
      setFormError(Object.keys(clientError.fieldErrors).length === 0 ? errorMessage(clientError.messageKey, clientError.params) : null);
    },
    [errorMessage],
  );
  return { errorsOf, formError, clear, showInvalid, showFailure };
}
