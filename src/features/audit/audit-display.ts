/**
 * Pure helpers for showing the audit log: which changes people read, how actions group into
 * areas, how the chosen days become instants. Kept apart from the component to be tested.
 */

/** Ids are for machines; each one is logged beside a readable twin (parentTeamId beside parentTeamName). */
export function isMachineField(field: string): boolean {
  return /[a-z](Id|Ids)$/.test(field);
}

/** "team.create" → "team"; the area is what the "what" filter offers as a whole. */
export function actionArea(action: string): string {
  return action.split(".")[0] ?? action;
}

const AREA_ORDER = ["team", "member", "invitation", "import", "period", "settings"];

/** The actions present, grouped by area: known areas in the admin area's order, others after. */
export function groupActions(actions: readonly string[]): { area: string; actions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const action of [...actions].sort()) {
    const area = actionArea(action);
    groups.set(area, [...(groups.get(area) ?? []), action]);
  }
  const rank = (area: string) => (AREA_ORDER.includes(area) ? AREA_ORDER.indexOf(area) : AREA_ORDER.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([area, list]) => ({ area, actions: list }));
}

/** The start of a calendar day ("YYYY-MM-DD") in the browser's time zone, `plusDays` later. */
export function startOfLocalDay(day: string, plusDays = 0): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year!, month! - 1, date! + plusDays);
}

export type ValueShape =
  | { kind: "none" }
  | { kind: "boolean"; value: boolean }
  | { kind: "number"; value: number }
  | { kind: "date"; value: Date }
  | { kind: "dateTime"; value: Date }
  | { kind: "text"; value: string }
  | { kind: "list"; items: ValueShape[] }
  | { kind: "record"; entries: [string, ValueShape][] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** What kind of value a logged change holds, so the page can format it for the reader's language. */
export function shapeOf(value: unknown): ValueShape {
  if (value === null || value === undefined || value === "") return { kind: "none" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) return { kind: "date", value: new Date(`${value}T00:00:00Z`) };
    if (ISO_DATE_TIME.test(value)) return { kind: "dateTime", value: new Date(value) };
    return { kind: "text", value };
  }
  if (Array.isArray(value)) return value.length === 0 ? { kind: "none" } : { kind: "list", items: value.map(shapeOf) };
  if (typeof value === "object") return { kind: "record", entries: Object.entries(value).map(([key, item]) => [key, shapeOf(item)]) };
  // bigint, symbol, function: not written by recordAudit, shown as text if they ever are
  return { kind: "text", value: typeof value === "bigint" ? value.toString() : typeof value };
}
