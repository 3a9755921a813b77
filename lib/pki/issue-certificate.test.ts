import { X509Certificate, createPrivateKey } from "node:crypto";
import { once } from "node:events";
import tls from "node:tls";
import { describe, expect, it } from "vitest";
import { displayFingerprint, loadConsoleCa, makeConsoleCa, pemBlocks } from "./console-ca";
import { issueCertificate, needsRenewal, subjectAltName } from "./issue-certificate";

const loadCaForTest = async () => loadConsoleCa(await makeConsoleCa());

describe("console CA and cluster certificates", () => {
  it("makes a CA certificate with its key in one PEM text", async () => {
    const text = await makeConsoleCa();
    expect(pemBlocks(text, "PRIVATE KEY")).toHaveLength(1);
    const cert = new X509Certificate(pemBlocks(text, "CERTIFICATE")[0]!);
    expect(cert.ca).toBe(true);
  });

  it("issues a certificate for a DNS name or an IP address that verifies against the CA only", async () => {
    const ca = await loadCaForTest();
    const other = await loadCaForTest();
    for (const address of ["proxy.example.internal", "10.0.0.5", "fd00::5"]) {
      const issued = await issueCertificate(ca, address, { validityMs: 86_400_000 });
      const cert = new X509Certificate(issued.certPem);
      expect(cert.verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);
      expect(cert.verify(new X509Certificate(other.certPem).publicKey)).toBe(false);
      expect(cert.checkPrivateKey(createPrivateKey(issued.keyPem))).toBe(true);
      const san = subjectAltName(address);
      expect(cert.subjectAltName).toContain(san.type === "ip" ? "IP Address:" : `DNS:${address}`);
      if (san.type === "ip") expect(cert.checkIP(address)).toBe(address);
      else expect(cert.checkHost(address)).toBe(address);
      expect(issued.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(displayFingerprint("ab01")).toBe("AB:01");
  });

  it("serves a TLS handshake that a client pinning the CA accepts for the contact address", async () => {
    const ca = await loadCaForTest();
    const issued = await issueCertificate(ca, "proxy.example.internal", { validityMs: 86_400_000 });
    const server = tls.createServer({ cert: issued.certPem, key: issued.keyPem }, (s) => s.end("ok"));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    const socket = tls.connect({ host: "127.0.0.1", port, ca: ca.certPem, servername: "proxy.example.internal" });
    await once(socket, "secureConnect");
    expect(socket.authorized).toBe(true);
    socket.destroy();
    server.close();
  });

  it("renews when less than a third of the validity is left (issue 17)", () => {
    const notBefore = new Date("2026-01-01T00:00:00Z");
    const notAfter = new Date("2026-04-01T00:00:00Z"); // 90 days
    expect(needsRenewal(null)).toBe(true);
    expect(needsRenewal({ notBefore, notAfter }, new Date("2026-02-15T00:00:00Z"))).toBe(false);
    expect(needsRenewal({ notBefore, notAfter }, new Date("2026-03-05T00:00:00Z"))).toBe(true);
  });
});
