// Manual deploy (R5): a one-time, expiring command to run as root on a Linux server without an
// agent. The proxy shows up in Server basic info with its first heartbeat. The network note says
// where it listens for agents and what must reach it (SPEC §8).
"use client";
import { Network, RotateCcw, TerminalSquare } from "lucide-react";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { Spinner } from "@/components/ui/spinner";
import type { ClusterDto } from "@/lib/clusters/serialize";
import type { ManualDeployResult } from "./proxy-api";
import { useManualDeploy } from "./use-deploy";
import { useProxyErrorText } from "./use-proxy-error-text";

const EXPIRY_HOURS = [1, 24, 72, 168] as const;

type Props = { cluster: ClusterDto; proxiesHref: string; roleReason: string | undefined; onGenerated: () => void };

export function ManualDeploy({ cluster, proxiesHref, roleReason, onGenerated }: Props) {
  const t = useTranslations("deployProxy");
  const errorText = useProxyErrorText();
  const generate = useManualDeploy(cluster.id);
  const [hours, setHours] = useState<number>(24);
  const expiryId = useId();
  const reasonId = useId();
  const busy = generate.isPending;

  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-slate-700">{t("manualIntro")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor={expiryId} className="block text-sm font-medium text-slate-800">
            {t("expiry")}
          </label>
          <select
            id={expiryId}
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
            className="h-8 rounded border border-slate-300 bg-white px-2 text-sm"
          >
            {EXPIRY_HOURS.map((h) => (
              <option key={h} value={h}>
                {t("hours", { count: h })}
              </option>
            ))}
          </select>
        </div>
        <Button
          variant={generate.data ? "secondary" : "primary"}
          disabled={busy || Boolean(roleReason)}
          aria-describedby={roleReason ? reasonId : undefined}
          onClick={() => generate.mutate(hours, { onSuccess: onGenerated })}
        >
          {busy ? (
            <Spinner />
          ) : generate.data ? (
            <RotateCcw aria-hidden className="size-4" />
          ) : (
            <TerminalSquare aria-hidden className="size-4" />
          )}
          {busy ? t("generating") : generate.data ? t("regenerate") : t("generate")}
        </Button>
        {roleReason ? (
          <span id={reasonId} className="text-xs text-slate-600">
            {roleReason}
          </span>
        ) : null}
      </div>
      {generate.error ? <ApiErrorAlert error={generate.error} message={errorText(generate.error)} /> : null}
      {generate.data ? <GeneratedCommand result={generate.data} proxiesHref={proxiesHref} /> : null}
      <Steps />
      <NetworkNote address={cluster.address} />
    </div>
  );
}

function GeneratedCommand({ result, proxiesHref }: { result: ManualDeployResult; proxiesHref: string }) {
  const t = useTranslations("deployProxy");
  const format = useFormatter();
  const now = useNow({ updateInterval: 10_000 });
  const expiresAt = new Date(result.expiresAt);
  const expired = expiresAt.getTime() <= now.getTime();
  return (
    <section className="space-y-2 rounded-md border border-slate-200 p-3">
      <h2 className="text-sm font-semibold">{t("commandLabel")}</h2>
      <CodeBlock code={result.command} label={t("commandLabel")} copyLabel={t("copyLabel")} settingsHint />
      {expired ? (
        <Alert tone="warning">{t("expired")}</Alert>
      ) : (
        <p className="text-xs text-slate-700">
          {t("expires", {
            absolute: format.dateTime(expiresAt, { dateStyle: "medium", timeStyle: "short" }),
            relative: format.relativeTime(expiresAt, now),
          })}
        </p>
      )}
      <p className="text-xs text-slate-700">{t("oneTime")}</p>
      <Link href={proxiesHref} className="inline-block text-sm text-brand-700 underline underline-offset-2">
        {t("watch")}
      </Link>
    </section>
  );
}

function Steps() {
  const t = useTranslations("deployProxy.steps");
  return (
    <section aria-labelledby="deploy-steps" className="max-w-3xl">
      <h2 id="deploy-steps" className="mb-1 text-sm font-semibold">
        {t("title")}
      </h2>
      <ol className="list-decimal space-y-1 pl-5 text-slate-700">
        <li>{t("login")}</li>
        <li>{t("requirements")}</li>
        <li>{t("run")}</li>
        <li>{t("status")}</li>
      </ol>
      <p className="mt-2 text-xs text-slate-600">{t("agentNote")}</p>
    </section>
  );
}

/** SPEC §8: where the proxy listens, what must lead to it, and what it relays. */
function NetworkNote({ address }: { address: string }) {
  const t = useTranslations("deployProxy.network");
  const code = (chunks: ReactNode) => <code className="rounded bg-slate-100 px-1 font-mono text-[13px]">{chunks}</code>;
  return (
    <section aria-labelledby="deploy-network" className="max-w-3xl rounded-md border border-slate-200 bg-slate-50 p-3">
      <h2 id="deploy-network" className="mb-1 flex items-center gap-1.5 text-sm font-semibold">
        <Network aria-hidden className="size-4 text-slate-500" />
        {t("title")}
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{t.rich("listen", { code })}</li>
        <li>{t.rich("contact", { address, code })}</li>
        <li>{t("firewall")}</li>
        <li>{t("routes")}</li>
      </ul>
    </section>
  );
}
