/** Pure helpers of the people list, shared by the service and its unit tests. */

const MAX_SEARCH_WORDS = 8;

/**
 * Splits a search into words. Case is folded by the database (lower() on both sides);
 * letters are kept as typed, so "sjöberg" finds "Sjöberg" but "sjoberg" does not. NFC keeps
 * an "ö" typed as o + combining diaeresis equal to the stored one.
 */
export function searchWords(search: string | undefined): string[] {
  return (search ?? "").normalize("NFC").split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
}

type TeamNode = { id: string; name: string; parentTeamId: string | null; archivedAt: Date | null };

/**
 * Each active team with its path from the top ("Försäljning / Kundframgång") and its depth
 * (0 for a department), ordered by path so that children follow their parent.
 */
export function teamPaths(teams: readonly TeamNode[]): { id: string; name: string; path: string; depth: number }[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const namesOf = (team: TeamNode): string[] => {
    const names: string[] = [];
    const seen = new Set<string>();
    // the seen-set stops on a loop instead of spinning, should the tree ever hold one
    for (let node: TeamNode | undefined = team; node && !seen.has(node.id); node = node.parentTeamId ? byId.get(node.parentTeamId) : undefined) {
      seen.add(node.id);
      names.unshift(node.name);
    }
    return names;
  };
  const collator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });
  return teams
    .filter((team) => !team.archivedAt)
    .map((team) => {
      const names = namesOf(team);
      return { id: team.id, name: team.name, path: names.join(" / "), depth: names.length - 1 };
    })
    .sort((a, b) => collator.compare(a.path, b.path));
}
