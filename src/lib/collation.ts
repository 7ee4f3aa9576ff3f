/**
 * Names sort the Swedish way (å, ä, ö after z; case ignored) in both languages: the
 * databases here use byte order, which puts "Ärla" before "Åre" and lower case after Z.
 */
const collator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareNames(nameOf(a), nameOf(b)));
}
