// R8 explained where Delete is: a proxy is deleted only when offline, so stop its process first —
// remotely with Stop proxy, or with this command on the server. The agent stays installed.
"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { CodeBlock } from "@/components/ui/code-block";
import { STOP_PROXY_COMMAND } from "@/lib/proxies/stop-command";

export function StopCommandBlock({ command = STOP_PROXY_COMMAND }: { command?: string }) {
  const t = useTranslations("proxies.stopCommand");
  return <CodeBlock code={command} label={t("label")} copyLabel={t("copyLabel")} />;
}

export function StopCommandNote({
  tone = "info",
  title,
  command,
}: {
  tone?: "info" | "warning";
  title?: string;
  command?: string;
}) {
  const t = useTranslations("proxies.stopCommand");
  return (
    <Alert tone={tone} title={title ?? t("noteTitle")}>
      <p>{t("noteBody")}</p>
      <div className="pt-1">
        <StopCommandBlock command={command} />
      </div>
    </Alert>
  );
}
