// A generated script holds a one-time token: never cached, never sniffed as HTML.
import { AppError } from "@/lib/http/errors";

const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

export function shellScriptResponse(script: string): Response {
  return new Response(script, { headers: { "content-type": "text/x-shellscript; charset=utf-8", ...HEADERS } });
}

export function powershellScriptResponse(script: string): Response {
  return new Response(script, { headers: { "content-type": "text/plain; charset=utf-8", ...HEADERS } });
}

/** Single-quoted for sh and PowerShell alike ('' inside PowerShell, '\'' inside sh). */
const quoteSh = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
const quotePs = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The script for a command whose token can no longer register (unknown, used, revoked, expired):
 * it says why and exits non-zero, before anything on the server is touched. A script, not an
 * HTTP error, because `curl -f … | bash` would only print the status code.
 */
export async function scriptUnlessRefused(
  kind: "sh" | "ps1",
  check: () => Promise<void>,
  build: () => Promise<Response>,
): Promise<Response> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = `aegis: ${error.message}`;
    return kind === "sh"
      ? shellScriptResponse(
          `#!/bin/sh\n# Refused by the console (${error.code}): nothing was changed on this server.\necho ${quoteSh(message)} >&2\nexit 1\n`,
        )
      : powershellScriptResponse(
          `# Refused by the console (${error.code}): nothing was changed on this server.\nWrite-Error ${quotePs(message)}\nexit 1\n`,
        );
  }
  return build();
}
