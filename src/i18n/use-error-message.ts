"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

/**
 * Translates a message key from the server or a zod schema. A bare key ("emailTaken") is
 * looked up in the "errors" namespace; a dotted key ("teams.errors.cycle") from the root,
 * so each area can keep its own errors. Unknown keys read as "unexpected".
 */
export function useErrorMessage() {
  const t = useTranslations();
  return useCallback(
    (key: string, params: Record<string, string | number> = {}) => {
      const full = (key.includes(".") ? key : `errors.${key}`) as "errors.unexpected";
      return t.has(full) ? t(full, params) : t("errors.unexpected");
    },
    [t],
  );
}
