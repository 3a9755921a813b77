// The release-signing key (issue 17): an Ed25519 key made once and kept outside the database
// (RELEASE_SIGNING_KEY, a PKCS#8 PEM, or DATA_DIR/release-signing-key.pem). Every instance of a
// console must share it: installs pin its public half and refuse releases signed by another key.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { releaseStatement } from "@/agent/release/package.mjs";
import { cachedKeptSecret } from "@/lib/crypto/kept-secret";

const signingKey = cachedKeptSecret<KeyObject>({
  env: "RELEASE_SIGNING_KEY",
  file: "release-signing-key.pem",
  make: () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  parse: (text, source) => {
    let key: KeyObject;
    try {
      key = createPrivateKey(text.includes("BEGIN") ? text : Buffer.from(text, "base64").toString("utf8"));
    } catch (error) {
      throw new Error(`${source} does not hold a PEM private key: ${(error as Error).message}`);
    }
    if (key.asymmetricKeyType !== "ed25519") throw new Error(`${source} is not an Ed25519 key`);
    return key;
  },
});

/** The public half as SPKI PEM: what the install scripts write to $ROOT/release-key.pem. */
export function releasePublicKeyPem(): string {
  return createPublicKey(signingKey()).export({ type: "spki", format: "pem" }).toString();
}

/** base64 Ed25519 signature over the release statement (version bound to digest). */
export function signRelease(version: string, digest: string): string {
  return sign(null, Buffer.from(releaseStatement(version, digest), "utf8"), signingKey()).toString("base64");
}
