// R20: the audit event is written in the same transaction as the change; a refused change
// (typed AppError) rolls back and is audited with its error code; anything else leaves no event.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { auditEvents, testContext, uniqueName } from "@/lib/testing/fixtures";
import { audited } from "./audited";

/** A change that writes one row (an asset group) and then does whatever `then` says. */
function writeGroup(name: string, then: () => void = () => undefined) {
  return async (
    tx: Parameters<Parameters<typeof audited>[3]>[0],
    audit: { target: { id?: string | null }; details: Record<string, unknown> },
  ) => {
    const group = await tx.assetGroup.create({ data: { region: "cn", name } });
    audit.target.id = group.id;
    audit.details = { name };
    then();
    return group;
  };
}

describe("audited", () => {
  it("commits the change and its success event together", async () => {
    const name = uniqueName("group");
    const ctx = { ...testContext("alice"), ip: "203.0.113.7" };
    const group = await audited(ctx, "group.create", { type: "asset_group", name, region: "cn" }, writeGroup(name));
    expect(await db().assetGroup.count({ where: { name } })).toBe(1);
    const events = await auditEvents("group.create", group.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: "success",
      errorCode: null,
      actorType: "system",
      actorName: "alice",
      targetType: "asset_group",
      targetId: group.id,
      targetName: name,
      region: "cn",
      ip: "203.0.113.7",
      requestId: ctx.requestId,
      details: { name },
    });
  });

  it("rolls a refused change back and records a failure event with the error code", async () => {
    const name = uniqueName("group");
    const refusal = new AppError("CLUSTER_NOT_EMPTY", "refused for the test", { why: "test" });
    const ctx = testContext();
    await expect(
      audited(
        ctx,
        "group.refused",
        { type: "asset_group", name },
        writeGroup(name, () => {
          throw refusal;
        }),
      ),
    ).rejects.toBe(refusal);
    expect(await db().assetGroup.count({ where: { name } })).toBe(0);
    const events = await auditEvents("group.refused");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: "failure",
      errorCode: "CLUSTER_NOT_EMPTY",
      targetName: name,
      requestId: ctx.requestId,
      details: { name, message: "refused for the test" },
    });
  });

  it("leaves no event and no change when an unexpected error breaks the transaction", async () => {
    const name = uniqueName("group");
    await expect(
      audited(
        testContext(),
        "group.broken",
        { type: "asset_group", name },
        writeGroup(name, () => {
          throw new Error("boom");
        }),
      ),
    ).rejects.toThrow("boom");
    expect(await db().assetGroup.count({ where: { name } })).toBe(0);
    expect(await auditEvents("group.broken")).toHaveLength(0);
  });

  it("rolls the change back when its audit event cannot be written (same transaction)", async () => {
    const name = uniqueName("group");
    // request_id is VARCHAR(64): the event insert fails after the change has been written.
    const ctx = { ...testContext(), requestId: "r".repeat(65) };
    await expect(audited(ctx, "group.unaudited", { type: "asset_group", name }, writeGroup(name))).rejects.toThrow();
    expect(await db().assetGroup.count({ where: { name } })).toBe(0);
    expect(await auditEvents("group.unaudited")).toHaveLength(0);
  });
});
