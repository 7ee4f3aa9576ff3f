import { describe, expect, it } from "vitest";
import en from "./messages/en";
import sv from "./messages/sv";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)/g)].map((match) => match[1]!).sort();
}

function lookup(tree: Tree, key: string): string {
  return key.split(".").reduce<Tree | string>((node, part) => (node as Tree)[part]!, tree) as string;
}

describe("message catalogues", () => {
  const svKeys = keys(sv).sort();
  const enKeys = keys(en).sort();

  it("have the same keys in Swedish and English", () => {
    expect(svKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !svKeys.includes(key))).toEqual([]);
  });

  it("have no empty messages", () => {
    for (const key of svKeys) expect(lookup(sv as Tree, key).trim(), `sv ${key}`).not.toBe("");
    for (const key of enKeys) expect(lookup(en as Tree, key).trim(), `en ${key}`).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const key of svKeys) {
      expect(placeholders(lookup(sv as Tree, key)), key).toEqual(placeholders(lookup(en as Tree, key)));
    }
  });
});
