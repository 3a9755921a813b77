import { describe, expect, it } from "vitest";
import type { ClusterDto } from "./cluster-api";
import { mergeClusterView, readClusterView, viewClusters } from "./cluster-list-view";

const cluster = (name: string, status: ClusterDto["status"], proxyCount: number, clientCount: number, day: number) =>
  ({ id: name, name, status, proxyCount, clientCount, createdAt: `2026-01-0${day}T00:00:00.000Z` }) as ClusterDto;

const clusters = [
  cluster("bravo", "online", 2, 50, 1),
  cluster("alpha", "degraded", 3, 900, 2),
  cluster("delta", "offline", 0, 0, 3),
  cluster("charlie", "offline", 1, 5, 4),
];
const names = (search: string) => viewClusters(clusters, readClusterView(new URLSearchParams(search))).map((c) => c.name);

describe("the cluster list's filter and sort", () => {
  it.each([
    ["", ["charlie", "delta", "alpha", "bravo"]],
    ["sort=name&order=asc", ["alpha", "bravo", "charlie", "delta"]],
    ["sort=clients&order=desc", ["alpha", "bravo", "charlie", "delta"]],
    ["sort=status&order=asc", ["bravo", "alpha", "charlie", "delta"]],
    ["status=offline", ["charlie"]],
    ["status=noProxies", ["delta"]],
    ["status=online&sort=name&order=desc", ["bravo"]],
    ["status=bogus&sort=bogus", ["charlie", "delta", "alpha", "bravo"]],
  ])("%s", (search, expected) => {
    expect(names(search)).toEqual(expected);
  });

  it("merges a change into the URL, keeping the others and dropping defaults", () => {
    let url = mergeClusterView("q=web", { status: "offline" });
    url = mergeClusterView(url, { sort: "name", order: "asc" });
    expect(url).toBe("q=web&status=offline&sort=name&order=asc");
    expect(mergeClusterView(url, { q: "", sort: "createdAt", order: "desc" })).toBe("status=offline");
  });
});
