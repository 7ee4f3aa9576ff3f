import { dateToIsoDate } from "@/features/periods/periods.schema";
import type { EditorPeriod } from "./types";

/** The organisation's periods as the editor uses them: calendar days as "YYYY-MM-DD". */
export function editorPeriods(rows: readonly { id: string; name: string; startDate: Date; endDate: Date; isCurrent: boolean }[]): EditorPeriod[] {
  return rows.map((period) => ({
    id: period.id,
    name: period.name,
    startDate: dateToIsoDate(period.startDate),
    endDate: dateToIsoDate(period.endDate),
    isCurrent: period.isCurrent,
  }));
}
