// The console CA (issue 17 part 4): it issues the certificates the proxies serve to agents, and
// agents pin it (install.sh writes it beside their config). Kept like the signing key, outside
// the database: CONSOLE_CA (the PEM of its private key and certificate; every instance of a
// multi-instance console must get the same value), else DATA_DIR/pki/ca.pem made once (mode 600).
// Its fingerprint is recorded in the database at first use: an instance with another CA refuses
// to issue (ConsoleCaMismatch) rather than hand out certificates the agents would refuse.
// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import { X509Certificate, createHash, createPrivateKey, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { keptSecretFile, readKeptSecretAsync } from "@/lib/crypto/kept-secret";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db/client";

export const CA_ENV = "CONSOLE_CA";
export const CA_FILE = "pki/ca.pem";
export const EC_ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const CA_YEARS = 10;

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export type ConsoleCa = {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate's DER, lower-case hex. */
  fingerprint: string;
  subject: string;
  notAfter: Date;
  certificate: x509.X509Certificate;
  signingKey: CryptoKey;
};

export function pemBlocks(text: string, label: string): string[] {
  const re = new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`, "g");
  return [...text.matchAll(re)].map((m) => `${m[0]}\n`);
}

export function fingerprintOf(certPem: string): string {
  return createHash("sha256").update(new X509Certificate(certPem).raw).digest("hex");
}

/** "AB:CD:…" as operators compare it with `openssl x509 -fingerprint -sha256`. */
export function displayFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(":");
}

/** A new CA: an ECDSA P-256 key and a self-signed certificate for 10 years, as one PEM text. */
export async function makeConsoleCa(now = new Date()): Promise<string> {
  const keys = (await webcrypto.subtle.generateKey(EC_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_YEARS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=Proxy Access Console CA ${now.toISOString().slice(0, 10)}`,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    signingAlgorithm: EC_ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  const keyPem = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" }).export({ format: "pem", type: "pkcs8" });
  return `${keyPem}${cert.toString("pem")}\n`;
}

/** A positive 16-byte serial in hex (the high bit clear, as RFC 5280 wants it positive). */
export function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString("hex");
}

type ParsedCa = { certPem: string; keyPem: string };

function parseCa(text: string, source: string): ParsedCa {
  const [keyPem] = pemBlocks(text, "PRIVATE KEY");
  const [certPem] = pemBlocks(text, "CERTIFICATE");
  if (!keyPem || !certPem)
    throw new Error(`${source} must hold the console CA's PKCS#8 private key and its certificate, both in PEM`);
  const cert = new X509Certificate(certPem);
  if (!cert.ca || !cert.checkPrivateKey(createPrivateKey(keyPem)))
    throw new Error(`${source}: the certificate is not a CA certificate of that private key`);
  return { certPem, keyPem };
}

async function loadCa({ certPem, keyPem }: ParsedCa): Promise<ConsoleCa> {
  const der = createPrivateKey(keyPem).export({ format: "der", type: "pkcs8" });
  const signingKey = await webcrypto.subtle.importKey("pkcs8", der, EC_ALGORITHM, false, ["sign"]);
  const certificate = new x509.X509Certificate(certPem);
  return {
    certPem: certificate.toString("pem") + "\n",
    keyPem,
    fingerprint: fingerprintOf(certPem),
    subject: certificate.subject,
    notAfter: certificate.notAfter,
    certificate,
    signingKey: signingKey as unknown as CryptoKey,
  };
}

/** A CA from its PEM text (tests make throwaway ones with makeConsoleCa). */
export async function loadConsoleCa(text: string, source = "CA text"): Promise<ConsoleCa> {
  return loadCa(parseCa(text, source));
}

let cached: { key: string; value: Promise<ConsoleCa> } | undefined;

/** The console CA, made on first use when neither CONSOLE_CA nor its file exists. */
export function consoleCa(): Promise<ConsoleCa> {
  const key = `${process.env[CA_ENV] ?? ""}|${keptSecretFile(CA_FILE)}`;
  if (cached?.key !== key) {
    const value = readKeptSecretAsync({ env: CA_ENV, file: CA_FILE, make: () => makeConsoleCa(), parse: parseCa }).then(loadCa);
    value.catch(() => (cached = undefined));
    cached = { key, value };
  }
  return cached.value;
}

export class ConsoleCaMismatch extends Error {
  constructor(recorded: string, mine: string) {
    super(
      `this console instance has another CA (${displayFingerprint(mine)}) than the one recorded in the database ` +
        `(${displayFingerprint(recorded)}): give every instance the same CONSOLE_CA`,
    );
    this.name = "ConsoleCaMismatch";
  }
}

/**
 * The console CA, checked against the fingerprint recorded at first use (the first instance's CA
 * wins). Throws ConsoleCaMismatch when this instance's CA is another one.
 */
export async function sharedConsoleCa(): Promise<ConsoleCa> {
  const ca = await consoleCa();
  // Checked once per process, CA and database: the recorded fingerprint never changes.
  const key = `${ca.fingerprint}|${process.env.DATABASE_URL ?? ""}`;
  if (checked?.key !== key) {
    const promise = checkRecorded(ca);
    promise.catch(() => (checked = undefined));
    checked = { key, promise };
  }
  await checked.promise;
  return ca;
}

let checked: { key: string; promise: Promise<void> } | undefined;

async function checkRecorded(ca: ConsoleCa): Promise<void> {
  const [row] = await queryRows<{ fingerprint: string }>(Prisma.sql`
    WITH ins AS (
      INSERT INTO console_ca (id, fingerprint) VALUES (1, ${ca.fingerprint}) ON CONFLICT (id) DO NOTHING RETURNING fingerprint
    )
    SELECT fingerprint FROM ins UNION ALL SELECT fingerprint FROM console_ca WHERE id = 1 LIMIT 1`);
  if (row && row.fingerprint !== ca.fingerprint) throw new ConsoleCaMismatch(row.fingerprint, ca.fingerprint);
}
