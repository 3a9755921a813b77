// The relay's pacing (issue 16): past its slots a data batch is answered 429 with Retry-After,
// and join batches are told to wait; slots free up when the work ends, failed or not.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { deferSeconds, pacedIngest, withJoinSlot } from "./relay-gates";

describe("relay gates", () => {
  it("answers a fifth concurrent data batch with INGEST_PACED and Retry-After, and takes it once a slot is free", async () => {
    const releases: (() => void)[] = [];
    const held = Array.from({ length: 4 }, () => pacedIngest(() => new Promise<string>((r) => releases.push(() => r("ok")))));
    const refused = await pacedIngest(async () => "late").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("INGEST_PACED");
    const retry = Number((refused as AppError).headers?.["Retry-After"]);
    expect(retry).toBeGreaterThanOrEqual(2);
    expect(retry).toBeLessThanOrEqual(5);
    releases.forEach((r) => r());
    expect(await Promise.all(held)).toEqual(["ok", "ok", "ok", "ok"]);
    expect(await pacedIngest(async () => "now")).toBe("now");
  });

  it("frees a join slot when the work fails", async () => {
    await expect(withJoinSlot(() => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    await expect(withJoinSlot(() => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await withJoinSlot(async () => 1)).toBe(1);
  });

  it("spreads deferrals over 2–5 s", () => {
    expect(deferSeconds(() => 0)).toBe(2);
    expect(deferSeconds(() => 0.999)).toBe(5);
  });
});
