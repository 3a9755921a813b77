// The benches' HAProxy configuration is the one in the repository (deploy/haproxy.cfg), so what
// the benches measure is what the README tells operators to run.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { haproxyConfig } from "./haproxy";

const directives = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

describe("haproxyConfig", () => {
  it("writes the directives of deploy/haproxy.cfg for its port and backends", () => {
    const generated = haproxyConfig({ port: 3000, host: "", backends: ["127.0.0.1:3001", "127.0.0.1:3002"] });
    expect(directives(generated)).toEqual(directives(readFileSync("deploy/haproxy.cfg", "utf8")));
  });

  it("names one server per backend and checks the given health path", () => {
    const text = haproxyConfig({ port: 8000, backends: ["10.0.0.1:1", "10.0.0.2:2", "10.0.0.3:3"], healthPath: "/hz" });
    expect(directives(text)).toEqual(
      expect.arrayContaining([
        "bind 127.0.0.1:8000",
        "option httpchk GET /hz",
        "server console1 10.0.0.1:1 check",
        "server console3 10.0.0.3:3 check",
      ]),
    );
  });
});
