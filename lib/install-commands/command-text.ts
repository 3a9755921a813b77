// The command an operator pastes on a server (R19). The console URL is PUBLIC_URL, or the
// origin the operator is using.
export function consoleUrl(requestOrigin: string | null): string {
  return (process.env.PUBLIC_URL ?? requestOrigin ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

/**
 * The console URL for commands and served scripts, the same way for every route: PUBLIC_URL, else
 * the browser's Origin, else the address the request came to, as a TLS-terminating proxy
 * forwards it (X-Forwarded-Proto/-Host), so a command and the script it fetches agree.
 */
export function consoleUrlFor(request: Request): string {
  const url = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(/:$/, "");
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || url.host;
  return consoleUrl(request.headers.get("origin") ?? `${proto}://${host}`);
}

/**
 * `caPem`: the console CA, for a cluster that requires TLS (issue 17). The command first writes it
 * to a file (base64, so the paste is one line) and curl checks the proxy's certificate against it:
 * the script is never fetched from a server the console did not certify.
 */
export function installCommandText(base: string, token: string, os: "linux" | "windows", caPem?: string | null): string {
  if (os === "linux" && base.startsWith("https:") && caPem) {
    const ca = Buffer.from(caPem.trim() + "\n").toString("base64");
    return `echo ${ca} | base64 -d > /tmp/aegis-console-ca.pem && curl -fsSL --cacert /tmp/aegis-console-ca.pem ${base}/api/v1/install/${token}/linux.sh | sudo bash`;
  }
  if (os === "linux") return `curl -fsSL ${base}/api/v1/install/${token}/linux.sh | sudo bash`;
  return `powershell -NoProfile -ExecutionPolicy Bypass -Command "iex (irm '${base}/api/v1/install/${token}/windows.ps1')"`;
}

export function deployCommandText(base: string, token: string): string {
  return `curl -fsSL ${base}/api/v1/deploy/${token}/proxy.sh | sudo bash`;
}

/** Guided deletion (issue #7): disconnecting leaves agents installed (R16); this removes one. */
export function uninstallCommandText(os: "linux" | "windows"): string {
  if (os === "linux") {
    return "sudo systemctl disable --now aegis-agent 2>/dev/null; sudo kill $(cat /opt/aegis-agent/agent.pid 2>/dev/null) 2>/dev/null; sudo rm -rf /opt/aegis-agent /etc/systemd/system/aegis-agent.service";
  }
  return 'powershell -NoProfile -Command "Stop-ScheduledTask -TaskName aegis-agent; Unregister-ScheduledTask -TaskName aegis-agent -Confirm:$false; Remove-Item -Recurse -Force $env:ProgramData\\aegis-agent"';
}

/**
 * The form of a sudo command for a root shell on a host without sudo (issue 13): every `sudo `
 * and `sudo env ` goes; settings written as `sudo env NAME=value bash` stay as `NAME=value bash`.
 */
export function rootShellForm(command: string): string {
  return command.replace(/(^|[|;&(]\s*|\s)sudo (?:env )?/g, "$1");
}
