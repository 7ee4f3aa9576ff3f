/**
 * The arithmetic of reordering priorities, kept apart from the list so it can be tested:
 * moving one item, where a dragged item lands, and how a reordered part of a list fits back
 * into the whole list the server expects.
 */

/** The list with the item at `from` moved to `to` (both clamped into the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (items.length === 0) return [];
  const source = Math.min(Math.max(from, 0), items.length - 1);
  const target = Math.min(Math.max(to, 0), items.length - 1);
  const copy = [...items];
  const [item] = copy.splice(source, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/**
 * Where the dragged item (at `from`) lands when the pointer is at `y`: after every other
 * item whose middle lies above the pointer. `middles` are the items' vertical centres in
 * their order when the drag began.
 */
export function dropIndex(middles: readonly number[], from: number, y: number): number {
  let index = 0;
  middles.forEach((middle, position) => {
    if (position !== from && middle < y) index += 1;
  });
  return index;
}

/**
 * The whole order with one part of it rearranged: the places the part's items held in the
 * whole list are filled, in order, by the part's new order. Items of the part missing from
 * the whole list are ignored; the rest of the whole list keeps its places.
 */
export function mergePartialOrder(whole: readonly string[], part: readonly string[]): string[] {
  const inWhole = new Set(whole);
  const queue = part.filter((id) => inWhole.has(id));
  const moving = new Set(queue);
  let next = 0;
  return whole.map((id) => (moving.has(id) ? queue[next++]! : id));
}
