import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, pickLocale } from "./locales";

describe("localeFromAcceptLanguage", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["ja", "ja"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["en-US,en;q=0.9,ja;q=0.8", "en"],
    ["fr-FR, ja;q=0.5", "ja"],
    ["en;q=0.4, ja;q=0.6", "ja"],
    ["ja;q=0, en", "en"],
    ["de, fr", "en"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("pickLocale", () => {
  it("prefers a valid cookie over the header", () => {
    expect(pickLocale("ja", "en-US")).toBe("ja");
    expect(pickLocale("en", "ja")).toBe("en");
  });
  it("ignores an unknown cookie value", () => {
    expect(pickLocale("de", "ja")).toBe("ja");
  });
});
