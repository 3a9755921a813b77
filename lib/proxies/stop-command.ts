// R8: the command that stops the proxy process on its server, so the proxy goes offline and can
// be deleted. Built from what the proxy reported at registration (issue 13): the systemd unit or
// the pid file install.sh made, or, for a quick-deployed proxy, the agent it runs inside. The
// command is in its sudo form; rootShellForm() makes the form for a root shell. Also the answer
// that tells a deleted proxy's daemon to stop.
import { AppError } from "@/lib/http/errors";

type Service = { manager: string | null; ref: string | null };

export type StopInstructions = {
  /** "agent": a quick-deployed proxy runs inside the agent; stopping it on the server stops the agent too. */
  runsIn: "service" | "agent";
  /** Whether the command comes from what the daemon reported; false: the defaults of install.sh. */
  reported: boolean;
  command: string;
};

const DEFAULT_PROXY = "sudo systemctl stop aegis-proxy || sudo pkill -f aegis-proxy";
const DEFAULT_AGENT = "sudo systemctl stop aegis-agent || sudo pkill -f aegis-agent";

/** The command that stops a daemon that runs as `service`, or null when it did not say. */
export function serviceStopCommand(service: Service): string | null {
  if (service.manager === "systemd" && service.ref) return `sudo systemctl stop ${service.ref}`;
  // The pid file sits in a mode-700 folder: read it as root too.
  if (service.manager === "pidfile" && service.ref) return `sudo sh -c 'kill $(cat ${service.ref})'`;
  return null;
}

export function stopInstructions(proxy: { mode: "quick" | "manual"; service: Service; agentService: Service }): StopInstructions {
  if (proxy.mode === "quick") {
    const reported = serviceStopCommand(proxy.agentService);
    return { runsIn: "agent", reported: reported !== null, command: reported ?? DEFAULT_AGENT };
  }
  const reported = serviceStopCommand(proxy.service);
  return { runsIn: "service", reported: reported !== null, command: reported ?? DEFAULT_PROXY };
}

/** 410 to a deleted proxy's daemon (by its retired credential or its proxy id): it stops. */
export function proxyDeleted(): AppError {
  return new AppError("GONE", "This proxy server was deleted from the console; stop the proxy process.", { reason: "deleted" });
}
