// Issue #3: sign-in throttled per account (5) and per address (20) in 15 minutes, from the audit
// log; session cookies are httpOnly/SameSite=Lax; cookie-authenticated mutations need the
// console's own Origin; sign-out and disabling a user end the session.
import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/audited";
import { updateUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { testContext, uniqueName } from "@/lib/testing/fixtures";
import { call, errorOf } from "@/lib/testing/http";
import { makeUser, sessionCookie, signIn } from "@/lib/testing/users";
import * as clusters from "../clusters/route";
import * as session from "./session/route";
import * as signOut from "./sign-out/route";

let ipCounter = 0;
/** A fresh address per test, so the per-address limit of one test never touches another. */
const freshIp = () => `203.0.113.${++ipCounter}`;
const CONSOLE = { host: "console.test", origin: "http://console.test" };
const createCluster = (headers: Record<string, string>) =>
  call(clusters.POST, "POST", "/api/v1/clusters", {
    headers,
    body: { region: "cn", name: uniqueName(), address: "proxy.example.com", description: "" },
  });

describe("sign-in", () => {
  it("sets an httpOnly, SameSite=Lax session cookie and audits the success", async () => {
    const user = await makeUser("viewer");
    const r = await signIn(user.email, user.password, freshIp());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ user: { email: user.email, role: "viewer" } });
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith("pac.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const events = await db().auditEvent.findMany({ where: { action: "auth.sign_in", targetName: user.email } });
    expect(events.map((e) => e.outcome)).toEqual(["success"]);
  });

  it("per account: five failures, then the 6th attempt (even with the right password) is 429 with Retry-After", async () => {
    const user = await makeUser();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      const r = await signIn(user.email, "wrong-password", ip);
      expect([r.status, errorOf(r)?.code]).toEqual([401, "INVALID_CREDENTIALS"]);
    }
    const sixth = await signIn(user.email, user.password, freshIp());
    expect([sixth.status, errorOf(sixth)?.code]).toEqual([429, "TOO_MANY_ATTEMPTS"]);
    const retryAfter = Number(sixth.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(errorOf(sixth)?.message).toMatch(/try again in 15 minute/i);
    // Another account is not affected.
    const other = await makeUser();
    expect((await signIn(other.email, other.password, ip)).status).toBe(200);
  });

  it("per address: 20 failures over many accounts block that address only", async () => {
    const ip = freshIp();
    // 19 earlier failures from the address, recorded as sign-in records them (scrypt is slow on
    // a loaded machine); the 20th goes through the route.
    const failure = new AppError("INVALID_CREDENTIALS", "wrong");
    for (let i = 0; i < 19; i++) {
      const email = `${uniqueName("nobody")}@example.com`;
      await recordAuditEvent({ ...testContext(), ip }, "auth.sign_in", { type: "user", name: email }, {}, failure);
    }
    const twentieth = await signIn(`${uniqueName("nobody")}@example.com`, "wrong-password", ip);
    expect([twentieth.status, errorOf(twentieth)?.code]).toEqual([401, "INVALID_CREDENTIALS"]);
    const user = await makeUser();
    const blocked = await signIn(user.email, user.password, ip);
    expect([blocked.status, errorOf(blocked)?.code]).toEqual([429, "TOO_MANY_ATTEMPTS"]);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signIn(user.email, user.password, freshIp())).status).toBe(200);
  });
});

describe("session cookies", () => {
  it("Origin check: a cookie POST without Origin or from a foreign one is 403 and creates nothing", async () => {
    const user = await makeUser("operator");
    const cookie = await sessionCookie(user.email);
    const before = await db().proxyCluster.count();
    const cases: Record<string, string>[] = [
      { cookie, host: CONSOLE.host },
      { cookie, host: CONSOLE.host, origin: "http://evil.example" },
      { cookie, host: CONSOLE.host, origin: "https://console.test.evil.example" },
    ];
    for (const headers of cases) {
      const r = await createCluster(headers);
      expect([r.status, errorOf(r)?.code]).toEqual([403, "FORBIDDEN"]);
      expect(errorOf(r)?.message).toMatch(/Origin/);
    }
    expect(await db().proxyCluster.count()).toBe(before);
    expect((await createCluster({ cookie, ...CONSOLE })).status).toBe(201);
    // A safe method needs no Origin.
    expect((await call(clusters.GET, "GET", "/api/v1/clusters?region=cn", { headers: { cookie } })).status).toBe(200);
  });

  it("a viewer's session is refused mutations with 403 even from the right origin", async () => {
    const user = await makeUser("viewer");
    const r = await createCluster({ cookie: await sessionCookie(user.email), ...CONSOLE });
    expect([r.status, errorOf(r)?.code]).toEqual([403, "FORBIDDEN"]);
  });

  it("sign-out ends the session: the same cookie is refused next", async () => {
    const user = await makeUser("viewer");
    const cookie = await sessionCookie(user.email);
    const who = () => call(session.GET, "GET", "/api/v1/auth/session", { headers: { cookie } });
    expect(await who()).toMatchObject({ status: 200, body: { role: "viewer", actor: { type: "user", name: user.email } } });
    const out = await call(signOut.POST, "POST", "/api/v1/auth/sign-out", { headers: { cookie, ...CONSOLE } });
    expect(out.status).toBe(204);
    expect((await who()).status).toBe(401);
  });

  it("disabling a user ends their sessions at once, and they cannot sign in again", async () => {
    const user = await makeUser("operator");
    const cookie = await sessionCookie(user.email);
    await updateUser(testContext(), user.id, { disabled: true });
    expect((await call(session.GET, "GET", "/api/v1/auth/session", { headers: { cookie } })).status).toBe(401);
    expect((await signIn(user.email, user.password, freshIp())).status).toBe(401);
  });
});
