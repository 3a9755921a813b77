// The command, shown once: the console keeps only a hash of its token, so it can never show it
// again. Copy button and what to expect when it runs.
"use client";
import { TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { CreatedInstallCommand } from "./install-command-api";
import { ABSOLUTE_TIME } from "./absolute-time";

type Props = { created: CreatedInstallCommand; os: "linux" | "windows"; clusterName: string | null };

export function InstallCommandResult({ created, os, clusterName }: Props) {
  const t = useTranslations("installCommands.result");
  const format = useFormatter();
  const expiresAt = format.dateTime(new Date(created.expiresAt), ABSOLUTE_TIME);
  // The submit button that had focus is gone: start reading at the warning.
  const note = useRef<HTMLDivElement>(null);
  useEffect(() => {
    note.current?.focus();
  }, []);
  return (
    <div className="space-y-4">
      <div
        ref={note}
        tabIndex={-1}
        role="note"
        className="flex gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        data-testid="shown-once"
      >
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <div className="space-y-1">
          <p className="font-semibold">{t("onceTitle")}</p>
          <p>{t("onceBody")}</p>
        </div>
      </div>

      <section aria-labelledby="install-command-label" className="space-y-1.5">
        <div className="flex items-end justify-between gap-2">
          <h3 id="install-command-label" className="text-sm font-medium text-slate-800">
            {t(os === "linux" ? "commandLinux" : "commandWindows")}
          </h3>
          <CopyButton value={created.command} label={t("copyLabel")} />
        </div>
        <pre
          aria-labelledby="install-command-label"
          data-testid="install-command"
          className="rounded border border-slate-300 bg-slate-900 px-3 py-2 font-mono text-[13px] leading-5 break-all whitespace-pre-wrap text-slate-50"
        >
          <code>{created.command}</code>
        </pre>
        <p className="text-sm text-slate-700" data-testid="install-command-reach">
          {t.rich(clusterName ? "reachCluster" : "reachConsole", {
            url: created.reach,
            code: (chunks) => <code className="font-mono text-[13px] [overflow-wrap:anywhere]">{chunks}</code>,
          })}
        </p>
        <p className="text-xs text-slate-600">{t("expires", { at: expiresAt })}</p>
      </section>

      <section aria-labelledby="install-command-steps">
        <h3 id="install-command-steps" className="text-sm font-medium text-slate-800">
          {t("stepsTitle")}
        </h3>
        <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>{t(os === "linux" ? "stepRunLinux" : "stepRunWindows")}</li>
          <li>{t(os === "linux" ? "stepPrerequisites" : "stepPrerequisitesWindows")}</li>
          <li>{clusterName ? t("stepConnectedCluster", { cluster: clusterName }) : t("stepConnectedDirect")}</li>
          {clusterName ? <li>{t("stepPaced")}</li> : null}
          <li>{t("stepRevoke")}</li>
        </ol>
      </section>
    </div>
  );
}
