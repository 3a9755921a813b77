// What a proxy relays (SPEC §8), as its heartbeats report it: bytes sent upstream since the daemon
// started, bytes waiting in its bounded queue, and what it had to drop (red: that data is lost),
// and the addresses it listens on for agents.
"use client";
import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFormatBytes } from "@/components/ui/use-format-bytes";
import type { ProxyDto } from "./proxy-api";

type Relay = Pick<ProxyDto, "status" | "bytesRelayed" | "queuedBytes" | "droppedBytes" | "droppedRecords" | "listen">;

export function RelayCell({ proxy }: { proxy: Relay }) {
  const t = useTranslations("proxies.relay");
  const bytes = useFormatBytes();
  if (proxy.status === "deploying") return <span className="text-xs text-slate-500">{t("notReported")}</span>;
  const dropped = proxy.droppedBytes > 0;
  return (
    <div className="space-y-0.5 text-xs">
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 whitespace-nowrap">
        <dt className="text-slate-600">{t("sent")}</dt>
        <dd className="text-slate-900 tabular-nums">{bytes(proxy.bytesRelayed)}</dd>
        <dt className="text-slate-600">{t("queued")}</dt>
        <dd className="text-slate-900 tabular-nums">{bytes(proxy.queuedBytes)}</dd>
        <dt className={dropped ? "font-medium text-red-700" : "text-slate-600"}>{t("dropped")}</dt>
        <dd className="tabular-nums">
          {dropped ? (
            <span className="inline-flex flex-col font-medium text-red-700" title={t("droppedHint")}>
              <span className="inline-flex items-center gap-1">
                <TriangleAlert aria-hidden className="size-3.5" />
                {bytes(proxy.droppedBytes)}
              </span>
              <span>{t("droppedRecords", { count: proxy.droppedRecords })}</span>
              <span className="sr-only">{t("droppedHint")}</span>
            </span>
          ) : (
            <span className="text-slate-900">{bytes(0)}</span>
          )}
        </dd>
      </dl>
      <ListenList listen={proxy.listen} />
    </div>
  );
}

function ListenList({ listen }: { listen: string[] }) {
  const t = useTranslations("proxies.relay");
  if (listen.length === 0) return null;
  return (
    <div className="pt-0.5">
      <span className="text-slate-600">{t("listenLabel")}</span>
      <ul className="font-mono text-slate-800">
        {listen.map((address) => (
          <li key={address} className="[overflow-wrap:anywhere]">
            {address}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Below the table when any proxy dropped data: which ones, and what that means. */
export function DroppedNote({ proxies }: { proxies: { id: string; hostname: string; droppedBytes: number }[] }) {
  const t = useTranslations("proxies.relay");
  const bytes = useFormatBytes();
  const dropping = proxies.filter((p) => p.droppedBytes > 0);
  if (dropping.length === 0) return null;
  return (
    <div role="note" className="flex gap-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="space-y-1">
        <p className="font-medium">{t("droppedTitle")}</p>
        <p>{t("droppedBody")}</p>
        <ul className="list-disc pl-5">
          {dropping.map((p) => (
            <li key={p.id}>{t("droppedBy", { name: p.hostname, bytes: bytes(p.droppedBytes) })}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
