import { describe, expect, it } from "vitest";
import { pickClusters } from "./pick-clusters";

const clusters = Array.from({ length: 300 }, (_, i) => ({
  id: String(i),
  name: `edge-${String(i).padStart(3, "0")}`,
  address: i % 2 ? `10.0.${Math.floor(i / 256)}.${i % 256}` : `p${i}.tokyo.example.com`,
  online: i % 3 === 0,
}));
const usable = (c: { online: boolean }) => c.online;

describe("pickClusters", () => {
  it("shows at most the limit of hundreds, usable ones first, and counts every match", () => {
    const { shown, matches } = pickClusters(clusters, "", usable);
    expect(matches).toBe(300);
    expect(shown).toHaveLength(50);
    expect(shown.every((c) => c.online)).toBe(true);
  });

  it("searches name and address, every word, ignoring case", () => {
    expect(pickClusters(clusters, "EDGE-12", usable).matches).toBe(10);
    expect(pickClusters(clusters, "EDGE-12", usable).shown.map((c) => c.name)).toEqual(
      expect.arrayContaining(["edge-120", "edge-129"]),
    );
    expect(pickClusters(clusters, "tokyo edge-01", usable).shown.map((c) => c.name)).toEqual([
      "edge-012", // usable first
      "edge-018",
      "edge-010",
      "edge-014",
      "edge-016",
    ]);
    expect(pickClusters(clusters, "10.0.1.3", usable).shown.map((c) => c.address)).toContain("10.0.1.3");
  });

  it("finds nothing for a word nothing has", () => {
    expect(pickClusters(clusters, "osaka", usable)).toEqual({ shown: [], matches: 0 });
  });

  it("keeps Japanese names searchable", () => {
    const jp = [{ id: "a", name: "東京プロキシ", address: "a.example.com" }];
    expect(pickClusters(jp, "東京", () => true).matches).toBe(1);
  });
});
