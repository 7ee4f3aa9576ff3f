/**
 * Pure team-tree logic shared by the server (cycle checks, head-counts) and the browser
 * (valid parents, display order). Works on flat rows so callers load a tree with one query.
 */

export type TeamRow = { id: string; name: string; parentTeamId: string | null; archived: boolean };

export type TreeEntry<T extends TeamRow> = T & {
  depth: number;
  /** Ids of the direct sub-teams, in display order. */
  childIds: string[];
  directHeadCount: number;
  /** The team's own people plus everyone in its sub-teams, archived ones included. */
  totalHeadCount: number;
};

/** Trimmed, inner whitespace collapsed: what is stored. */
export function cleanTeamName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

/** Sibling names are compared on this key, so "Sälj" and " sälj " collide. */
export function teamNameKey(name: string): string {
  return cleanTeamName(name).normalize("NFC").toLocaleLowerCase("sv");
}

function childrenByParent<T extends TeamRow>(teams: readonly T[]): Map<string | null, T[]> {
  const known = new Set(teams.map((team) => team.id));
  const children = new Map<string | null, T[]>();
  for (const team of teams) {
    // a parent outside the given rows is treated as top level, so a partial list still renders
    const parent = team.parentTeamId !== null && known.has(team.parentTeamId) ? team.parentTeamId : null;
    const list = children.get(parent);
    if (list) list.push(team);
    else children.set(parent, [team]);
  }
  const collator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });
  for (const list of children.values()) list.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  return children;
}

/** Every team below `teamId` (not the team itself). Safe on data that already holds a cycle. */
export function descendantIds(teams: readonly TeamRow[], teamId: string): Set<string> {
  const children = childrenByParent(teams);
  const found = new Set<string>();
  const stack = [teamId];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const child of children.get(current) ?? []) {
      if (child.id === teamId || found.has(child.id)) continue;
      found.add(child.id);
      stack.push(child.id);
    }
  }
  return found;
}

/** Whether putting `teamId` under `newParentId` would make the team its own ancestor. */
export function wouldCreateCycle(teams: readonly TeamRow[], teamId: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  if (newParentId === teamId) return true;
  return descendantIds(teams, teamId).has(newParentId);
}

/** Where a team may be moved: active teams that are neither the team nor below it. */
export function validParentIds(teams: readonly TeamRow[], teamId: string): Set<string> {
  const below = descendantIds(teams, teamId);
  return new Set(teams.filter((team) => !team.archived && team.id !== teamId && !below.has(team.id)).map((team) => team.id));
}

/**
 * The teams in display order (depth first, siblings by name) with depth, children and
 * head-counts. `directHeadCounts` maps a team id to its own active people. Rows caught in a
 * cycle (only possible in corrupt data) are appended at top level instead of looping.
 */
export function buildTeamTree<T extends TeamRow>(
  teams: readonly T[],
  directHeadCounts: ReadonlyMap<string, number> = new Map(),
): TreeEntry<T>[] {
  const children = childrenByParent(teams);
  const ordered: TreeEntry<T>[] = [];
  const visited = new Set<string>();

  const visit = (team: T, depth: number): TreeEntry<T> => {
    visited.add(team.id);
    const entry: TreeEntry<T> = {
      ...team,
      depth,
      childIds: [],
      directHeadCount: directHeadCounts.get(team.id) ?? 0,
      totalHeadCount: 0,
    };
    ordered.push(entry);
    let total = entry.directHeadCount;
    for (const child of children.get(team.id) ?? []) {
      if (visited.has(child.id)) continue;
      entry.childIds.push(child.id);
      total += visit(child, depth + 1).totalHeadCount;
    }
    entry.totalHeadCount = total;
    return entry;
  };

  for (const root of children.get(null) ?? []) visit(root, 0);
  for (const team of teams) if (!visited.has(team.id)) visit(team, 0);
  return ordered;
}

/** The path of names from the top to the team, e.g. ["Produkt och teknik", "Plattform"]. */
export function teamPath(teams: readonly TeamRow[], teamId: string): string[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const path: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(teamId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current.name);
    current = current.parentTeamId ? byId.get(current.parentTeamId) : undefined;
  }
  return path;
}
