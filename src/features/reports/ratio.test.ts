import { describe, expect, it } from "vitest";
import { completionOf, percentOf, ratioOf } from "./ratio";

describe("report shares", () => {
  it("are percent with one decimal, rounded half up", () => {
    expect(percentOf(1, 2)).toBe(50);
    expect(percentOf(2, 3)).toBe(66.7); // 66.666…
    expect(percentOf(1, 3)).toBe(33.3); // 33.333…
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(7, 7)).toBe(100);
  });

  it("are null when there is nothing to count", () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(ratioOf(0, 0)).toEqual({ count: 0, of: 0, percent: null });
  });

  it("share one base for the three completion rates", () => {
    const completion = completionOf({ due: 4, atMinimum: 3, atTarget: 2, atStretch: 1, closed: 3, unconfirmed: 1 });
    expect(completion).toEqual({
      due: 4,
      atMinimum: { count: 3, of: 4, percent: 75 },
      atTarget: { count: 2, of: 4, percent: 50 },
      atStretch: { count: 1, of: 4, percent: 25 },
      closed: 3,
      unconfirmed: 1,
    });
  });
});
