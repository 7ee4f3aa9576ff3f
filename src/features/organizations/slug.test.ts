import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Exempel AB", "exempel-ab"],
    ["Åre Ölbryggeri & Söner", "are-olbryggeri-och-soner"],
    ["  --Demo   Ltd--  ", "demo-ltd"],
    ["Ærø Ønsker", "aero-onsker"],
    ["???", "org"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("keeps slugs to 48 characters without a trailing dash", () => {
    const slug = slugify("a".repeat(47) + " b c");
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("firstFreeSlug", () => {
  it("numbers taken slugs", () => {
    expect(firstFreeSlug("acme", new Set())).toBe("acme");
    expect(firstFreeSlug("acme", new Set(["acme", "acme-2"]))).toBe("acme-3");
  });
});
