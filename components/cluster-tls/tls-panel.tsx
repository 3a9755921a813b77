// The cluster page's TLS section (issue 17): whether the proxies serve agents over TLS and on
// which port, whether plain HTTP is refused, the certificate's expiry and renewal, and the console
// CA's fingerprint agents pin. Operators change the settings in TlsSettingsDialog.
"use client";
import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useRoleGate } from "@/components/auth/use-can";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { useClusterTls } from "./tls-api";
import { TlsSettingsDialog } from "./tls-settings-dialog";

export function TlsPanel({ clusterId }: { clusterId: string }) {
  const t = useTranslations("clusterTls");
  const tls = useClusterTls(clusterId);
  const gate = useRoleGate("operator");
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const data = tls.data;
  return (
    <section aria-labelledby={`${reasonId}-title`} className="rounded-md border border-slate-200 bg-white px-3 py-2.5">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${reasonId}-title`} className="flex items-center gap-1.5 text-sm font-semibold text-slate-800">
          <Lock aria-hidden className="size-4 text-slate-500" />
          {t("title")}
        </h2>
        <span className="flex flex-col items-end gap-1">
          <Button
            size="sm"
            onClick={() => setOpen(true)}
            disabled={!gate.allowed || !data}
            aria-describedby={gate.allowed ? undefined : reasonId}
          >
            {t("edit")}
          </Button>
          {gate.allowed ? null : (
            <span id={reasonId} className="text-xs text-slate-600">
              {gate.short}
            </span>
          )}
        </span>
      </div>
      {tls.isError ? (
        <p className="text-sm text-red-700">{t("loadError")}</p>
      ) : !data ? (
        <Skeleton className="h-12 w-full" />
      ) : (
        <dl className="grid grid-cols-1 gap-3 text-sm md:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-600">{t("served")}</dt>
            <dd className="flex flex-wrap items-center gap-1.5">
              {data.servingProxies > 0 ? (
                <Badge tone="success">{t("servedYes", { port: data.tlsPort })}</Badge>
              ) : (
                <Badge tone="muted">{t("servedNo")}</Badge>
              )}
              <span className="text-xs text-slate-600">
                {t("servingCount", { serving: data.servingProxies, online: data.onlineProxies })}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{t("plainHttp")}</dt>
            <dd>{data.requireTls ? <Badge tone="info">{t("plainRefused")}</Badge> : <Badge>{t("plainAllowed")}</Badge>}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{t("certificate")}</dt>
            <dd>
              {data.certificate ? (
                <>
                  <span className="block">
                    {t("expires")} <RelativeTime value={data.certificate.notAfter} />
                  </span>
                  <span className="block text-xs text-slate-600">
                    {t("renews")} <RelativeTime value={data.certificate.renewsAfter} />
                  </span>
                </>
              ) : (
                <span className="text-slate-600">{t("noCertificate")}</span>
              )}
            </dd>
          </div>
          <div className="min-w-0">
            <dt className="text-xs text-slate-600">{t("caFingerprint")}</dt>
            <dd className="flex items-start gap-1">
              <span className="font-mono text-[11px] break-all text-slate-700">{data.caFingerprint}</span>
              <CopyButton value={data.caFingerprint} label={t("copyFingerprint")} />
            </dd>
          </div>
        </dl>
      )}
      {data ? <TlsSettingsDialog clusterId={clusterId} tls={open ? data : null} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
