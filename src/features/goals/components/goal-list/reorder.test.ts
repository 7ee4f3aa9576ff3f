import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { dropIndex, mergePartialOrder, moveItem } from "./reorder";

describe("moveItem", () => {
  it("moves down and up", () => {
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "d", "b", "c"]);
  });

  it("clamps positions outside the list", () => {
    expect(moveItem(["a", "b", "c"], 0, 99)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, -5)).toEqual(["c", "a", "b"]);
    expect(moveItem([], 0, 1)).toEqual([]);
  });

  test.prop([fc.array(fc.integer(), { maxLength: 20 }), fc.nat(25), fc.nat(25)])(
    "keeps the same items, and moving back restores the list",
    (items, from, to) => {
      const moved = moveItem(items, from, to);
      expect([...moved].sort()).toEqual([...items].sort());
      if (items.length > 0) {
        const source = Math.min(from, items.length - 1);
        const target = Math.min(to, items.length - 1);
        expect(moved[target]).toBe(items[source]);
        expect(moveItem(moved, target, source)).toEqual(items);
      }
    },
  );
});

describe("dropIndex", () => {
  const middles = [10, 30, 50, 70];

  it("stays in place while the pointer is near the start", () => {
    expect(dropIndex(middles, 1, 25)).toBe(1);
  });

  it("lands after the items whose middle the pointer passed", () => {
    expect(dropIndex(middles, 0, 55)).toBe(2);
    expect(dropIndex(middles, 0, 200)).toBe(3);
    expect(dropIndex(middles, 3, 0)).toBe(0);
    expect(dropIndex(middles, 3, 35)).toBe(2);
  });
});

describe("mergePartialOrder", () => {
  it("puts a reordered part back into the places it held", () => {
    expect(mergePartialOrder(["a", "x", "b", "y", "c"], ["c", "a", "b"])).toEqual(["c", "x", "a", "y", "b"]);
  });

  it("is the part itself when the part is the whole", () => {
    expect(mergePartialOrder(["a", "b"], ["b", "a"])).toEqual(["b", "a"]);
  });

  it("ignores unknown ids", () => {
    expect(mergePartialOrder(["a", "b", "c"], ["z", "c", "a"])).toEqual(["c", "b", "a"]);
  });

  test.prop([fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 15 }), fc.func(fc.boolean()), fc.nat()])(
    "is a permutation of the whole that keeps the others in place",
    (whole, pick, seed) => {
      const part = whole.filter((id) => pick(id));
      const shuffled = part.map((id, index) => ({ id, key: (index * 7919 + seed) % 101 })).sort((a, b) => a.key - b.key).map((item) => item.id);
      const merged = mergePartialOrder(whole, shuffled);
      expect([...merged].sort()).toEqual([...whole].sort());
      whole.forEach((id, index) => {
        if (!part.includes(id)) expect(merged[index]).toBe(id);
      });
      expect(merged.filter((id) => part.includes(id))).toEqual(shuffled);
    },
  );
});
