// The e2e tier needs Debian's Chromium (Playwright cannot download browsers here). Fail
// loudly, naming the install command, rather than skip.
import { existsSync } from "node:fs";

const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(executable)) {
  console.error(
    `No Chromium at ${executable}. Install it with:\n\n    apt-get install -y chromium\n\n(or set CHROMIUM_PATH). The end-to-end tests cannot run without it.`,
  );
  process.exit(1);
}
