// What operators read carries no internal codes or notes to ourselves (issue 13 points 18, 19):
// rule numbers belong in code and tests; the catalogs use one vocabulary per language.
import { describe, expect, it } from "vitest";
import { en, ja } from "../../messages";

function strings(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

const both: [string, string][] = [...strings(en, "en"), ...strings(ja, "ja")];

describe("catalog wording", () => {
  it.each([
    ["a rule number such as R5", /\bR\d{1,2}\b/],
    ["a note about the original product", /original product|元の製品/i],
    ["a note about the seed document", /\bthe seed\b|シード/i],
  ])("no string contains %s", (_what, pattern) => {
    expect(both.filter(([, v]) => pattern.test(v)).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it("Japanese says セキュリティセンター, never Security Center", () => {
    expect(strings(ja).filter(([, v]) => /Security Center/i.test(v))).toEqual([]);
  });

  it("Japanese names buttons and pages without literal square brackets", () => {
    expect(strings(ja).filter(([, v]) => /\[[^\]]*\]/.test(v))).toEqual([]);
  });

  it('Japanese puts the part before the whole ("640 / 18,000"), not "18,000 中 640"', () => {
    expect(strings(ja).filter(([, v]) => /\} 中 \{/.test(v))).toEqual([]);
  });

  it('English writes "Backflow" as one word', () => {
    expect(strings(en).filter(([, v]) => /\bback[ -]flow/i.test(v))).toEqual([]);
  });
});
