// The demo fleet next to `npm start` (issue #4): a child process running
// `tsx scripts/simulate.ts --demo`, so its load and its crashes stay out of the starter.
// The child reads DATABASE_URL from `env` for its one setup step and ends with its parent.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

export type DemoSimulator = { stop: () => Promise<void> };

export function startDemoSimulator(options: {
  url: string;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}): DemoSimulator {
  // node itself with tsx's loader (not the tsx wrapper), so the IPC channel reaches the
  // simulator and closes when this process dies, however it dies.
  const script = path.resolve("scripts/simulate.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, "--demo", "--url", options.url], {
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => options.log(line));
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code, signal) => {
    if (code !== 0 && signal !== "SIGTERM") options.log(`[simulator] exited with ${signal ?? `code ${code}`}`);
  });
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
