// The one rule for names (issue 13 point 14): refused over 64 characters with the limit named,
// letters of any script kept, emoji and control characters refused — the same for form and API.
import { describe, expect, it } from "vitest";
import { createTokenSchema } from "@/lib/auth/schemas";
import { createClusterSchema } from "@/lib/clusters/schemas";
import { createInstallCommandSchema } from "@/lib/install-commands/schemas";
import { apiErrorMap, REASON_TEXT_EN } from "./issues";
import { NAME_MAX, nameSchema } from "./names";

const name = nameSchema();
const messageOf = (value: unknown) => {
  const result = name.safeParse(value, { error: apiErrorMap });
  expect(result.success, `expected ${JSON.stringify(value)} to be refused`).toBe(false);
  return result.error!.issues[0]!.message;
};

describe("nameSchema", () => {
  it.each([
    ["ASCII with punctuation", "edge-a_1.prod (tokyo)"],
    ["Japanese", "東京プロキシ・第２クラスター（本番）"],
    ["other scripts", "Köln-Süd Ελλάδα Москва 서울"],
    ["an accent written as a combining mark", "Cafe\u0301"],
    ["64 characters", "n".repeat(NAME_MAX)],
    ["64 Japanese characters", "東".repeat(NAME_MAX)],
    ["spaces inside", "edge a b"],
    ["a name with / # @ & + ' , : ;", "ops/team#1 @dc & co+ 'a', b: c;"],
  ])("accepts %s", (_what, value) => {
    expect(name.parse(value)).toBe(value);
  });

  it("trims before counting", () => {
    expect(name.parse(`  ${"n".repeat(NAME_MAX)}  `)).toBe("n".repeat(NAME_MAX));
  });

  it("refuses 65 characters, naming the limit and the length, without cutting", () => {
    expect(messageOf("n".repeat(65))).toBe("Must be at most 64 characters (this one has 65).");
  });

  it.each([
    ["an emoji", "edge 😀", "nameChars"],
    ["an emoji with a variation selector", "edge ❤️", "nameChars"],
    ["a flag", "edge 🇯🇵", "nameChars"],
    ["a symbol", "edge ★", "nameChars"],
    ["angle brackets", "<script>", "nameChars"],
    ["a zero-width joiner", "edge\u200da", "controlChars"],
    ["a right-to-left override", "edge\u202ea", "controlChars"],
    ["a NUL", "edge\u0000a", "controlChars"],
    ["a new line", "edge\na", "controlChars"],
  ])("refuses %s and says why", (_what, value, reason) => {
    expect(messageOf(value)).toBe(REASON_TEXT_EN[reason]);
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
  ])("refuses %s", (_what, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  it("is the rule of cluster names, new group names and API token names", () => {
    const long = "n".repeat(65);
    const base = { region: "cn", address: "a.com" };
    expect(createClusterSchema.safeParse({ ...base, name: long }).success).toBe(false);
    expect(createClusterSchema.safeParse({ ...base, name: "edge 😀" }).success).toBe(false);
    expect(createClusterSchema.safeParse({ ...base, name: "東京" }).success).toBe(true);
    const command = { region: "cn", clusterId: null, os: "linux", provider: "aws" };
    expect(createInstallCommandSchema.safeParse({ ...command, newGroupName: long }).success).toBe(false);
    expect(createInstallCommandSchema.safeParse({ ...command, newGroupName: "web 😀" }).success).toBe(false);
    expect(createInstallCommandSchema.safeParse({ ...command, newGroupName: "ウェブ" }).success).toBe(true);
    expect(createTokenSchema.safeParse({ name: long, role: "viewer" }).success).toBe(false);
    expect(createTokenSchema.safeParse({ name: "ci 🤖", role: "viewer" }).success).toBe(false);
    expect(createTokenSchema.safeParse({ name: "ci", role: "viewer" }).success).toBe(true);
  });
});
