// R8 explained where Delete is: a proxy is deleted only when offline, so stop its process first —
// remotely with Stop proxy, or with the command that fits how it runs (issue 13): its systemd
// unit or pid file as it reported them, or, for a quick-deployed proxy, the agent it runs in.
"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { CodeBlock } from "@/components/ui/code-block";
import type { StopInstructions } from "@/lib/proxies/stop-command";
import type { ProxyDto } from "./proxy-api";

type Props = { stop: StopInstructions; hostname: string };

export function StopCommandBlock({ stop, hostname }: Props) {
  const t = useTranslations("proxies.stopCommand");
  return (
    <div className="space-y-1">
      {stop.runsIn === "agent" ? <p className="text-xs text-slate-700">{t("inAgent", { name: hostname })}</p> : null}
      <CodeBlock code={stop.command} label={t("label")} copyLabel={t("copyLabel")} />
      {stop.reported ? null : <p className="text-xs text-slate-600">{t("notReported")}</p>}
    </div>
  );
}

export function StopCommandNote({ tone = "info", title, ...command }: Props & { tone?: "info" | "warning"; title?: string }) {
  const t = useTranslations("proxies.stopCommand");
  return (
    <Alert tone={tone} title={title ?? t("noteTitle")}>
      <p>{t("noteBody")}</p>
      <div className="pt-1">
        <StopCommandBlock {...command} />
      </div>
    </Alert>
  );
}

/** Under the panel: how to stop each running proxy on its server, as each one runs. */
export function RunningProxiesNote({ proxies }: { proxies: ProxyDto[] }) {
  const t = useTranslations("proxies.stopCommand");
  return (
    <Alert tone="info" title={t("noteTitle")}>
      <p>{t("noteBody")}</p>
      <ul className="space-y-2 pt-1">
        {proxies.map((proxy) => (
          <li key={proxy.id} className="space-y-1">
            <p className="text-xs font-medium [overflow-wrap:anywhere]">{proxy.asset.hostname}</p>
            <StopCommandBlock stop={proxy.stop} hostname={proxy.asset.hostname} />
          </li>
        ))}
      </ul>
    </Alert>
  );
}
