// npm start on a console with no published release (issue 17): publishes the bundled agent/ as
// the first release, so deploy and install commands have a signed program to hand out. Its
// version is what this program reports without a release.json (DEFAULT_PROXY_VERSION).
import { DEFAULT_PROXY_VERSION } from "@/agent/protocol.mjs";
import { latestRelease } from "./catalog";
import { publishReleaseOnce } from "./publish-release";

export async function publishInitialRelease(say: (line: string) => void): Promise<void> {
  if (await latestRelease()) return;
  if (await publishReleaseOnce({ version: DEFAULT_PROXY_VERSION, publishedBy: "npm start", notes: "The bundled agent program." }))
    say(
      `published the bundled agent/ as release ${DEFAULT_PROXY_VERSION} (npm run admin -- publish-release --version X.Y.Z for the next)`,
    );
}
