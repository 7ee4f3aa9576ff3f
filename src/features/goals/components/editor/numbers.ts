/**
 * Measure values as people type them: "12,5" and "12.5", "1 200" with (narrow) no-break
 * spaces, a typographic minus. The form keeps the text; the API gets numbers.
 */

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

const SPACES = /[\s\u00a0\u202f\u2009']/g;

export function parseDecimal(text: string): ParsedNumber {
  let value = text.replace(SPACES, "").replace(/^[\u2212\u2013]/u, "-");
  if (value === "") return { ok: true, value: null };
  const commas = (value.match(/,/g) ?? []).length;
  const dots = (value.match(/\./g) ?? []).length;
  if (commas === 1 && dots === 0) value = value.replace(",", ".");
  else if (commas > 0) return { ok: false };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(value)) return { ok: false };
  const number = Number(value);
  return Number.isFinite(number) ? { ok: true, value: number } : { ok: false };
}

/** A stored value as the form shows it: the locale's decimal sign, no grouping, at most 4 decimals. */
export function formatDecimal(value: number | null, locale: string): string {
  if (value === null) return "";
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 4 }).format(value).replace("\u2212", "-");
}
