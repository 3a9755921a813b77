// The daemon's JSON config: console URL, the one-time token, then the credential issued at
// registration. Written atomically with mode 600, since it holds a secret.
import { chmodSync, readFileSync, renameSync, writeFileSync } from "node:fs";

export function readConfig(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read config ${path}: ${error.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`config ${path} is not valid JSON: ${error.message}`);
  }
}

export function writeConfig(path, config) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}
