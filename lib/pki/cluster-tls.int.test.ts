// TLS settings and certificates of clusters (issue 17 part 4) against PostgreSQL: the settings
// change through PATCH's operation (audited from → to, a TLS port on the plain port refused), a
// certificate is issued once however many callers race for it, renewed once less than a third
// is left, its key sealed to its row, and an instance with another console CA issues nothing.
import { X509Certificate } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { updateCluster } from "@/lib/clusters/update-cluster";
import { updateClusterSchema } from "@/lib/clusters/schemas";
import { unseal } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { auditEvents, makeCluster, testContext } from "@/lib/testing/fixtures";
import { clusterCertificate } from "./cluster-certificate";
import { clusterTls } from "./cluster-tls";
import { CA_ENV, ConsoleCaMismatch, consoleCa, makeConsoleCa, sharedConsoleCa } from "./console-ca";

afterEach(() => {
  delete process.env[CA_ENV];
});

describe("cluster TLS settings", () => {
  it("PATCH changes require TLS and the port, audited from → to", async () => {
    const cluster = await makeCluster();
    expect(cluster).toMatchObject({ requireTls: false, tlsPort: 443 });
    const updated = await updateCluster(testContext("ann"), cluster.id, { requireTls: true, tlsPort: 8443 });
    expect(updated).toMatchObject({ requireTls: true, tlsPort: 8443 });
    const [event] = await auditEvents("cluster.update", cluster.id);
    expect(event).toMatchObject({
      outcome: "success",
      details: { requireTls: { from: false, to: true }, tlsPort: { from: 443, to: 8443 } },
    });
  });

  it("refuses the plain port as the TLS port (TLS_PORT_TAKEN), changing nothing", async () => {
    const cluster = await makeCluster();
    await expect(updateCluster(testContext(), cluster.id, { tlsPort: 8080 })).rejects.toMatchObject({
      code: "TLS_PORT_TAKEN",
      details: { fields: [{ path: "body.tlsPort", code: "taken" }] },
    });
    expect((await db().proxyCluster.findUniqueOrThrow({ where: { id: cluster.id } })).tlsPort).toBe(443);
  });

  it.each([
    [{ tlsPort: 0 }],
    [{ tlsPort: 65536 }],
    [{ tlsPort: 443.5 }],
    [{ tlsPort: "443" }],
    [{ requireTls: "yes" }],
    [{ requireTls: null }],
  ])("the schema refuses %j", (body) => {
    expect(updateClusterSchema.safeParse(body).success).toBe(false);
  });
});

describe("cluster certificates", () => {
  it("issues one certificate however many callers race, for the contact address, key sealed to its row", async () => {
    const cluster = await makeCluster({ address: "edge.tls-test.example" });
    const served = await Promise.all(Array.from({ length: 5 }, () => clusterCertificate(cluster.id, undefined)));
    expect(new Set(served.map((s) => s!.fingerprint)).size).toBe(1);
    const rows = await db().clusterCertificate.findMany({ where: { clusterId: cluster.id } });
    expect(rows).toHaveLength(1);
    const cert = new X509Certificate(rows[0]!.certPem);
    expect(cert.checkHost("edge.tls-test.example")).toBe("edge.tls-test.example");
    expect(cert.verify(new X509Certificate((await consoleCa()).certPem).publicKey)).toBe(true);
    expect(rows[0]!.sealedKey).not.toContain("PRIVATE KEY");
    expect(unseal(rows[0]!.sealedKey, rows[0]!.id)).toBe(served[0]!.key);
    expect(unseal(rows[0]!.sealedKey, cluster.id)).toBeNull();
  });

  it("renews once less than a third of the validity is left, not before", async () => {
    const cluster = await makeCluster({ address: "10.44.0.1" });
    const first = (await clusterCertificate(cluster.id, undefined))!;
    const days = (n: number) => new Date(Date.now() + n * 86_400_000);
    expect((await clusterCertificate(cluster.id, undefined, days(50)))!.fingerprint).toBe(first.fingerprint);
    const renewed = (await clusterCertificate(cluster.id, undefined, days(70)))!;
    expect(renewed.fingerprint).not.toBe(first.fingerprint);
    expect(await db().clusterCertificate.count({ where: { clusterId: cluster.id } })).toBe(2);
    const summary = await clusterTls(cluster.id);
    expect(summary.certificate!.fingerprint.replaceAll(":", "").toLowerCase()).toBe(renewed.fingerprint);
    expect(summary.caFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it("an instance with another console CA issues nothing and says why", async () => {
    await sharedConsoleCa(); // records this test database's CA
    process.env[CA_ENV] = await makeConsoleCa();
    await expect(sharedConsoleCa()).rejects.toBeInstanceOf(ConsoleCaMismatch);
    await expect(sharedConsoleCa()).rejects.toThrow(/give every instance the same CONSOLE_CA/);
  });
});
