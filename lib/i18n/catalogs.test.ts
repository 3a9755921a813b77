// Every UI string must exist in both languages: the two catalogs have identical key sets.
import { describe, expect, it } from "vitest";
import { en, ja } from "../../messages";

function keys(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogs", () => {
  it("have the same keys in English and Japanese", () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });
  it("have no empty strings", () => {
    for (const catalog of [en, ja]) {
      const empty = keys(catalog).filter((k) => k.split(".").reduce<unknown>((n, p) => (n as never)[p], catalog) === "");
      expect(empty).toEqual([]);
    }
  });
});
