/**
 * The alignment tree as the page shows it: organisation goals at the top, the goals linked
 * under each, and the goals whose link points outside the period's tree gathered apart.
 * Pure: the page builds it from goal.alignmentTree's flat list of nodes.
 */
import { foldForSearch } from "@/features/org-chart/name-search";
import { compareNames } from "@/lib/collation";

export type TreeSource = {
  id: string;
  parentGoalId: string | null;
  level: "ORGANIZATION" | "TEAM" | "INDIVIDUAL";
  title: string;
};

export type TreeNode<T extends TreeSource> = {
  goal: T;
  depth: number;
  children: TreeNode<T>[];
  /** the goals linked directly under this one (a search may hide some of `children`) */
  childCount: number;
  /** every goal below this one, at any depth */
  descendantCount: number;
};

export type AlignmentForest<T extends TreeSource> = {
  /** organisation goals, each with what is linked under it */
  roots: TreeNode<T>[];
  /** team and individual goals not linked to anything in the tree (their own subtrees kept) */
  detached: TreeNode<T>[];
};

const LEVEL_RANK = { ORGANIZATION: 0, TEAM: 1, INDIVIDUAL: 2 } as const;

/** Organisation before team before individual goals, then by title the Swedish way. */
export function compareGoals(a: TreeSource, b: TreeSource): number {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || compareNames(a.title, b.title) || a.id.localeCompare(b.id);
}

/**
 * Links each goal under its parent. A goal whose parent is missing from the list (another
 * period, hidden from the caller, or none) becomes a root: organisation goals at the top,
 * the others in `detached`. A link loop, which the server refuses, cannot hang the page: the
 * goals of a loop are shown once, as detached roots.
 */
export function buildAlignmentForest<T extends TreeSource>(goals: readonly T[]): AlignmentForest<T> {
  const byId = new Map(goals.map((goal) => [goal.id, goal]));
  const childrenOf = new Map<string, T[]>();
  const topLevel: T[] = [];
  for (const goal of goals) {
    const parentId = goal.parentGoalId;
    if (parentId !== null && parentId !== goal.id && byId.has(parentId)) {
      childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), goal]);
    } else {
      topLevel.push(goal);
    }
  }

  const placed = new Set<string>();
  const grow = (goal: T, depth: number): TreeNode<T> => {
    placed.add(goal.id);
    const children = (childrenOf.get(goal.id) ?? [])
      .filter((child) => !placed.has(child.id))
      .sort(compareGoals)
      .map((child) => grow(child, depth + 1));
    const descendantCount = children.reduce((sum, child) => sum + 1 + child.descendantCount, 0);
    return { goal, depth, children, childCount: children.length, descendantCount };
  };

  const roots: TreeNode<T>[] = [];
  const detached: TreeNode<T>[] = [];
  for (const goal of [...topLevel].sort(compareGoals)) {
    const node = grow(goal, 0);
    (goal.level === "ORGANIZATION" ? roots : detached).push(node);
  }
  // what is left hangs in a loop: show each such goal once, at the top of the detached part
  for (const goal of [...goals].sort(compareGoals)) {
    if (!placed.has(goal.id)) detached.push(grow(goal, 0));
  }
  return { roots, detached };
}

/** Every node of the forest, depth first. */
export function flattenForest<T extends TreeSource>(forest: AlignmentForest<T>): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  const walk = (node: TreeNode<T>) => {
    out.push(node);
    node.children.forEach(walk);
  };
  forest.roots.forEach(walk);
  forest.detached.forEach(walk);
  return out;
}

/** The words of a query, folded (case and diacritics ignored: "forsalj" finds "Försäljning"); empty when blank. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/** True when every word of the query is found in one of the texts. */
export function matchesQuery(texts: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const folded = texts.map(foldForSearch);
  return words.every((word) => folded.some((text) => text.includes(word)));
}

export type FilteredForest<T extends TreeSource> = AlignmentForest<T> & {
  /** ids of the goals that match the query themselves (their ancestors are kept for context) */
  matches: ReadonlySet<string>;
};

/**
 * The forest narrowed to the goals that match the query plus the goals above them, so every
 * match keeps its path up to the organisation goal. A blank query keeps everything and
 * matches nothing. Counts stay those of the whole tree: they describe the goal, not the search.
 */
export function filterForest<T extends TreeSource>(
  forest: AlignmentForest<T>,
  query: string,
  textsOf: (goal: T) => readonly string[],
): FilteredForest<T> {
  const words = queryWords(query);
  if (words.length === 0) return { ...forest, matches: new Set() };
  const matches = new Set<string>();
  const prune = (node: TreeNode<T>): TreeNode<T> | null => {
    const children = node.children.map(prune).filter((child): child is TreeNode<T> => child !== null);
    const matched = matchesQuery(textsOf(node.goal), words);
    if (matched) matches.add(node.goal.id);
    return matched || children.length > 0 ? { ...node, children } : null;
  };
  const keep = (nodes: TreeNode<T>[]) => nodes.map(prune).filter((node): node is TreeNode<T> => node !== null);
  return { roots: keep(forest.roots), detached: keep(forest.detached), matches };
}

export type TextPart = { text: string; match: boolean };

/**
 * A text cut into the parts that match a word of the query and the parts between, for
 * highlighting. Case and diacritics are ignored, as in the search itself.
 */
export function highlightParts(text: string, query: string): TextPart[] {
  const words = queryWords(query);
  if (words.length === 0 || text === "") return [{ text, match: false }];
  const chars = [...text];
  // the folded text, and for each of its units the character of `text` it came from
  let haystack = "";
  const owner: number[] = [];
  chars.forEach((char, index) => {
    // spaces kept, so a word never matches across two words
    const folded = /\s/.test(char) ? char : foldForSearch(char);
    haystack += folded;
    for (let unit = 0; unit < folded.length; unit += 1) owner.push(index);
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const word of words) {
    let from = haystack.indexOf(word);
    while (from !== -1) {
      for (let unit = from; unit < from + word.length; unit += 1) marked[owner[unit]!] = true;
      from = haystack.indexOf(word, from + word.length);
    }
  }
  const parts: TextPart[] = [];
  chars.forEach((char, index) => {
    const last = parts[parts.length - 1];
    if (last && last.match === marked[index]) last.text += char;
    else parts.push({ text: char, match: marked[index]! });
  });
  return parts;
}
