"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

/** Translates a message key from the server or a zod schema; unknown keys read as "unexpected". */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return useCallback(
    (key: string, params: Record<string, string | number> = {}) =>
      t.has(key as "unexpected") ? t(key as "unexpected", params) : t("unexpected"),
    [t],
  );
}
