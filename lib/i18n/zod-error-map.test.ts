// The create form's messages come from the API's own schema through this map, in both languages.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { createClusterSchema } from "../clusters/schemas";
import { policySchema } from "../policy/schemas";
import { en, ja } from "../../messages";
import { zodErrorMap, type ValidationTranslator } from "./zod-error-map";

function messagesFor(messages: typeof en, input: Record<string, unknown>) {
  const t = createTranslator({ locale: "en", messages, namespace: "validation" }) as unknown as ValidationTranslator;
  const result = createClusterSchema.safeParse(input, { error: zodErrorMap(t) });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

const valid = { region: "cn", name: "edge", address: "10.0.0.1", description: "" };

describe("zodErrorMap", () => {
  it.each([
    [{ address: "https://x.example.com" }, "address", en.validation.addressScheme, ja.validation.addressScheme],
    [{ address: "proxy.example.com:8080" }, "address", en.validation.addressPort, ja.validation.addressPort],
    [{ address: "proxy.example.com/x" }, "address", en.validation.addressPath, ja.validation.addressPath],
    [{ address: "not an address" }, "address", en.validation.addressInvalid, ja.validation.addressInvalid],
    [{ name: "   " }, "name", en.validation.required, ja.validation.required],
    [{ name: "a\u0007b" }, "name", en.validation.controlChars, ja.validation.controlChars],
  ])("%o → %s", (patch, field, english, japanese) => {
    expect(messagesFor(en, { ...valid, ...patch })[field]).toBe(english);
    expect(messagesFor(ja as typeof en, { ...valid, ...patch })[field]).toBe(japanese);
  });

  it("names the limit of a too-long value", () => {
    expect(messagesFor(en, { ...valid, name: "x".repeat(65) }).name).toBe("Enter at most 64 characters.");
    expect(messagesFor(ja as typeof en, { ...valid, name: "x".repeat(65) }).name).toBe("64 文字以内で入力してください。");
  });

  it("passes a valid cluster", () => {
    expect(messagesFor(en, valid)).toEqual({});
  });
});

describe("zodErrorMap on the policy schema", () => {
  function policyMessages(messages: typeof en, input: Record<string, unknown>) {
    const t = createTranslator({ locale: "en", messages, namespace: "validation" }) as unknown as ValidationTranslator;
    const result = policySchema.safeParse(input, { error: zodErrorMap(t) });
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  }
  const cache = { mode: "cache", cacheDir: "/var/cache/pac", dataTypes: ["login_logs"] };

  it.each([
    [{ ...cache, cacheDir: "var/log" }, "cacheDir", en.validation.pathNotAbsolute, ja.validation.pathNotAbsolute],
    [{ ...cache, cacheDir: "/var/../etc" }, "cacheDir", en.validation.pathDotDot, ja.validation.pathDotDot],
  ])("%o → %s", (input, field, english, japanese) => {
    expect(policyMessages(en, input)[field]).toBe(english);
    expect(policyMessages(ja as typeof en, input)[field]).toBe(japanese);
  });

  it("speaks of values for numbers and of choices for lists", () => {
    const backflow = { mode: "backflow", frequencyPerMin: null };
    expect(policyMessages(en, { ...backflow, bandwidthKbps: 0 }).bandwidthKbps).toBe("Enter 1 or more.");
    expect(policyMessages(en, { ...backflow, bandwidthKbps: 100_000_001 }).bandwidthKbps).toBe("Enter 100,000,000 or less.");
    expect(policyMessages(ja as typeof en, { ...backflow, bandwidthKbps: 0 }).bandwidthKbps).toBe(
      "1 以上の値を入力してください。",
    );
    expect(policyMessages(en, { ...cache, dataTypes: [] }).dataTypes).toBe("Choose at least one.");
  });
});
