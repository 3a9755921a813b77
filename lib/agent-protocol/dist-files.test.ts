// Every module of the agent program is served to servers: a file missing from the list installs an
// agent that fails to start on its first import (a proxy's metrics module once was).
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AGENT_DIST_FILES } from "./dist-files";

const AGENT = path.join(import.meta.dirname, "../../agent");

describe("AGENT_DIST_FILES", () => {
  it("lists every .mjs module under agent/, and nothing else", () => {
    const modules = readdirSync(AGENT, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".mjs") && !f.endsWith(".test.mjs"))
      .map((f) => f.split(path.sep).join("/"));
    expect([...AGENT_DIST_FILES].sort()).toEqual(modules.sort());
  });
});
