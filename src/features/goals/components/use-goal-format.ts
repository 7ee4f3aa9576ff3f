"use client";

import { useFormatter } from "next-intl";
import { useCallback } from "react";

/** Calendar days ("YYYY-MM-DD", stored as UTC midnight) in the reader's language. */
export function useDayFormat() {
  const format = useFormatter();
  return useCallback(
    (day: string, style: "medium" | "long" = "medium") => format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: style, timeZone: "UTC" }),
    [format],
  );
}
