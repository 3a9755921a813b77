// API error messages are read by operators and scripts: no rule numbers such as "(R12)" in them
// (issue 13 point 18). Scans every string literal passed to AppError in lib/ and app/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** String and template literals in the source, comments removed. */
function literals(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...code.matchAll(/`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g)].map((m) => m[0]);
}

function withRuleNumbers(file: string): string[] {
  return literals(readFileSync(file, "utf8")).filter((l) => /\bR\d{1,2}\b/.test(l));
}

const files = [...sources(path.join(root, "lib")), ...sources(path.join(root, "app"))];

describe("API error messages", () => {
  it("scans the files that raise AppError", () => {
    // A scan that finds nothing would pass whatever the messages say.
    expect(files.filter((f) => readFileSync(f, "utf8").includes("AppError(")).length).toBeGreaterThan(10);
  });

  it("name no rule number in a string literal", () => {
    const found = files.flatMap((f) => withRuleNumbers(f).map((l) => `${path.relative(root, f)}: ${l}`));
    expect(found).toEqual([]);
  });
});
