// The cluster API's zod schemas: strict objects, limits of R2, trimming, reasons for the forms.
import { describe, expect, it } from "vitest";
import { apiErrorMap, REASON_TEXT_EN } from "@/lib/validation/issues";
import { clusterIdSchema, createClusterSchema, listClustersQuerySchema, updateClusterSchema } from "./schemas";

const valid = { region: "cn", name: "edge-a", address: "proxy.example.com", description: "first" };

function issuesOf(
  schema: { safeParse: (v: unknown, o?: object) => { success: boolean; error?: { issues: unknown[] } } },
  value: unknown,
) {
  const result = schema.safeParse(value, { error: apiErrorMap });
  expect(result.success, `expected ${JSON.stringify(value)} to be refused`).toBe(false);
  return result.error!.issues as { path: PropertyKey[]; code: string; message: string }[];
}

describe("createClusterSchema", () => {
  it("accepts a valid cluster and defaults the description to empty and the minimum online to 1", () => {
    expect(createClusterSchema.parse(valid)).toEqual({ ...valid, minOnlineProxies: 1 });
    expect(createClusterSchema.parse({ region: "cn", name: "edge-a", address: "a.com" })).toMatchObject({
      description: "",
      minOnlineProxies: 1,
    });
  });

  it("trims the name and the address", () => {
    const parsed = createClusterSchema.parse({ ...valid, name: "  edge-a \t", address: "  10.0.0.1 " });
    expect(parsed.name).toBe("edge-a");
    expect(parsed.address).toBe("10.0.0.1");
  });

  it.each([
    ["name of 64 characters", { name: "n".repeat(64) }],
    ["name of 64 characters inside spaces", { name: `  ${"n".repeat(64)}  ` }],
    ["name of one character", { name: "x" }],
    ["Japanese name", { name: "東京プロキシ" }],
    ["description of 512 characters", { description: "d".repeat(512) }],
    ["description with new lines and tabs", { description: "line 1\nline 2\r\n\tindented" }],
    ["region intl", { region: "intl" }],
    ["IPv6 address", { address: "2001:db8::1" }],
    ["a minimum of 1 online proxy", { minOnlineProxies: 1 }],
    ["a minimum of 100 online proxies", { minOnlineProxies: 100 }],
  ])("accepts %s", (_name, patch) => {
    expect(createClusterSchema.safeParse({ ...valid, ...patch }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["an unknown field", { ...valid, owner: "me" }, "", "unrecognized_keys"],
    ["an id chosen by the client", { ...valid, id: "00000000-0000-4000-8000-000000000000" }, "", "unrecognized_keys"],
    ["a missing region", { name: "a", address: "a.com" }, "region", "invalid_value"],
    ["an unknown region", { ...valid, region: "eu" }, "region", "invalid_value"],
    ["a missing name", { region: "cn", address: "a.com" }, "name", "invalid_type"],
    ["a number as name", { ...valid, name: 42 }, "name", "invalid_type"],
    ["null as name", { ...valid, name: null }, "name", "invalid_type"],
    ["an empty name", { ...valid, name: "" }, "name", "too_small"],
    ["a blank name", { ...valid, name: "   " }, "name", "too_small"],
    ["a 65-character name", { ...valid, name: "n".repeat(65) }, "name", "too_big"],
    ["a name with a control character", { ...valid, name: "edge\u0007a" }, "name", "custom"],
    ["a name with a new line", { ...valid, name: "edge\na" }, "name", "custom"],
    ["a missing address", { region: "cn", name: "a" }, "address", "invalid_type"],
    ["an empty address", { ...valid, address: "" }, "address", "too_small"],
    ["a 254-character address", { ...valid, address: `${"a".repeat(250)}.com` }, "address", "too_big"],
    ["an address with a scheme", { ...valid, address: "https://a.com" }, "address", "custom"],
    ["an address with a port", { ...valid, address: "a.com:8080" }, "address", "custom"],
    ["an address with a path", { ...valid, address: "a.com/x" }, "address", "custom"],
    ["a 513-character description", { ...valid, description: "d".repeat(513) }, "description", "too_big"],
    ["a description with NUL", { ...valid, description: "a\u0000b" }, "description", "custom"],
    ["a number as description", { ...valid, description: 1 }, "description", "invalid_type"],
    ["a minimum of 0 online proxies", { ...valid, minOnlineProxies: 0 }, "minOnlineProxies", "too_small"],
    ["a minimum of 101 online proxies", { ...valid, minOnlineProxies: 101 }, "minOnlineProxies", "too_big"],
    ["a fractional minimum", { ...valid, minOnlineProxies: 1.5 }, "minOnlineProxies", "invalid_type"],
    ["a minimum as text", { ...valid, minOnlineProxies: "2" }, "minOnlineProxies", "invalid_type"],
  ])("refuses %s", (_name, value, path, code) => {
    const issues = issuesOf(createClusterSchema, value);
    expect(issues.map((i) => [i.path.join("."), i.code])).toContainEqual([path, code]);
  });

  it("refuses a body that is not an object", () => {
    for (const value of [null, [], "cluster", 1, true]) issuesOf(createClusterSchema, value);
  });

  it.each([
    ["https://a.com", "addressScheme"],
    ["a.com:8080", "addressPort"],
    ["a.com/x", "addressPath"],
    ["not an address", "addressInvalid"],
  ])("explains why %s is refused", (address, reason) => {
    const issues = issuesOf(createClusterSchema, { ...valid, address });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe(REASON_TEXT_EN[reason]);
  });
});

describe("updateClusterSchema (R3: the description changes; issue 16: the minimum online too)", () => {
  it("accepts a description alone, or with the unchanged name and address", () => {
    expect(updateClusterSchema.parse({ description: "" })).toEqual({ description: "" });
    expect(updateClusterSchema.parse({ minOnlineProxies: 3 })).toEqual({ minOnlineProxies: 3 });
    expect(updateClusterSchema.parse({ description: "x", minOnlineProxies: 2 })).toEqual({
      description: "x",
      minOnlineProxies: 2,
    });
    // A name or address alone passes the schema: lib/clusters refuses it as IMMUTABLE_FIELD if it differs.
    expect(updateClusterSchema.parse({ name: "edge-a" })).toEqual({ name: "edge-a" });
    expect(updateClusterSchema.parse({ address: "a.com" })).toEqual({ address: "a.com" });
    expect(updateClusterSchema.parse({ description: "x", name: "edge-a", address: "a.com" })).toEqual({
      description: "x",
      name: "edge-a",
      address: "a.com",
    });
  });

  it.each<[string, unknown, string]>([
    ["nothing to change", {}, ""],
    ["a minimum of 0", { minOnlineProxies: 0 }, "minOnlineProxies"],
    ["a minimum of 101", { minOnlineProxies: 101 }, "minOnlineProxies"],
    ["an unknown field", { description: "x", region: "intl" }, ""],
    ["a 513-character description", { description: "d".repeat(513) }, "description"],
    ["a number as name", { description: "x", name: 1 }, "name"],
    ["an oversized name", { description: "x", name: "n".repeat(301) }, "name"],
  ])("refuses %s", (_name, value, path) => {
    expect(issuesOf(updateClusterSchema, value).map((i) => i.path.join("."))).toContain(path);
  });

  it("says why a body with nothing to change is refused", () => {
    expect(issuesOf(updateClusterSchema, {})[0]!.message).toBe(REASON_TEXT_EN.nothingToChange);
  });
});

describe("clusterIdSchema", () => {
  it("accepts a UUID", () => {
    expect(clusterIdSchema.safeParse({ id: "3f1e7c4a-8d2b-4c1e-9a6f-0b5d2e8c7a91" }).success).toBe(true);
  });
  it.each(["not-a-uuid", "", "3f1e7c4a8d2b4c1e9a6f0b5d2e8c7a91", "3f1e7c4a-8d2b-4c1e-9a6f-0b5d2e8c7a9", "' OR 1=1 --"])(
    "refuses %j",
    (id) => {
      expect(clusterIdSchema.safeParse({ id }).success).toBe(false);
    },
  );
});

describe("listClustersQuerySchema", () => {
  it("needs a region and trims the search", () => {
    expect(listClustersQuerySchema.parse({ region: "intl", q: "  edge " })).toEqual({ region: "intl", q: "edge" });
    expect(listClustersQuerySchema.safeParse({}).success).toBe(false);
    expect(listClustersQuerySchema.safeParse({ region: "eu" }).success).toBe(false);
    expect(listClustersQuerySchema.safeParse({ region: "cn", q: "q".repeat(65) }).success).toBe(false);
  });
});
