"use client";

import { useFormatter } from "next-intl";
import { useMemo } from "react";

/**
 * The report's numbers as people read them, in their language. Shares keep the one decimal
 * the server rounded to (57.1 → "57,1 %", 50 → "50 %"), so the page reads what the files hold.
 */
export function useReportFormat() {
  const format = useFormatter();
  return useMemo(
    () => ({
      percent: (value: number | null) => (value === null ? "–" : format.number(value / 100, { style: "percent", maximumFractionDigits: 1 })),
      count: (value: number) => format.number(value),
      decimal: (value: number | null) => (value === null ? "–" : format.number(value, { maximumFractionDigits: 1 })),
      date: (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
    }),
    [format],
  );
}

export type ReportFormat = ReturnType<typeof useReportFormat>;
