/**
 * A json column of a raw query as the driver hands it over: the PostgreSQL driver parses it,
 * the embedded database's adapter passes the text on. Every raw query reading JSON goes
 * through here.
 */
export function jsonColumn<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A json array column (none, or not an array: no rows). */
export function jsonRows<T>(value: unknown): T[] {
  const parsed = jsonColumn<unknown>(value);
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}
