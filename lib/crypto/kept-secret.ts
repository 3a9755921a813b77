// Keys the console makes once and keeps outside the database (issue 13's sealing key, issue 17's
// release-signing key and console CA): from an environment variable when set (every instance of
// a multi-instance console must get the same value), else from a file in DATA_DIR made on first
// use with mode 600. An existing file is never replaced; when two processes make it at once, the
// first one's file wins and both use it.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { embeddedDataDir } from "@/lib/db/url";

export type KeptSecret<T> = {
  /** Environment variable that, when set, holds the secret (and no file is made). */
  env: string;
  /** File name in DATA_DIR (may include a sub-folder). */
  file: string;
  /** A new secret, as the text written to the file. */
  make: () => string;
  /** The secret from its text; throws with `source` in the message when it is malformed. */
  parse: (text: string, source: string) => T;
};

export function keptSecretFile(file: string): string {
  return path.join(embeddedDataDir(), file);
}

/** Reads the secret from the environment or its file, making the file first when there is none. */
export function readKeptSecret<T>(spec: KeptSecret<T>): T {
  const raw = process.env[spec.env];
  if (raw) return spec.parse(raw, spec.env);
  const file = keptSecretFile(spec.file);
  try {
    return spec.parse(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, spec.make(), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return spec.parse(readFileSync(file, "utf8"), file);
}

/** A cache per spec that follows changes of the environment variable (tests set and unset it). */
export function cachedKeptSecret<T>(spec: KeptSecret<T>): () => T {
  let cached: { raw: string | undefined; dir: string; value: T } | undefined;
  return () => {
    const raw = process.env[spec.env] || undefined;
    const dir = embeddedDataDir();
    if (cached && cached.raw === raw && cached.dir === dir) return cached.value;
    cached = { raw, dir, value: readKeptSecret(spec) };
    return cached.value;
  };
}

/**
 * readKeptSecret for a secret whose making is asynchronous (issue 17's console CA: its certificate
 * is signed with WebCrypto). Same sources and the same first-file-wins rule.
 */
export async function readKeptSecretAsync<T>(spec: Omit<KeptSecret<T>, "make"> & { make: () => Promise<string> }): Promise<T> {
  if (process.env[spec.env]) return readKeptSecret({ ...spec, make: () => "" });
  const file = keptSecretFile(spec.file);
  let made: string | null = null;
  try {
    readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    made = await spec.make();
  }
  return readKeptSecret({ ...spec, make: () => made ?? "" });
}
