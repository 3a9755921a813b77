// What each proxy of a cluster holds and why (issue 16, R13): the clients it relays against its
// capacity, flagged when over it; its fair share of the cluster's relayed clients; why it holds
// more when it does; and the last rebalance that moved clients to or from it.
"use client";
import { clsx } from "clsx";
import { ArrowLeftRight, Info, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { InfoTip } from "@/components/ui/info-tip";
import type { ProxyDto, ProxyList } from "./proxy-api";

type Context = { offlinePeers: number; pace: number };

/** The sentence that explains the proxy's note, or null when there is nothing to explain. */
function useNoteText() {
  const t = useTranslations("proxies.holding.note");
  const format = useFormatter();
  const n = (value: number | null) => format.number(value ?? 0);
  return (proxy: ProxyDto, { offlinePeers, pace }: Context) =>
    proxy.holdingNote === null
      ? null
      : t(proxy.holdingNote, {
          held: n(proxy.heldClients),
          capacity: n(proxy.capacity),
          share: n(proxy.fairShare),
          limit: n(proxy.shareLimit),
          pace: n(pace),
          offline: offlinePeers,
        });
}

/** Clients held against capacity, with a meter and the over-capacity badge. */
export function HeldCell({ proxy, context }: { proxy: ProxyDto; context: Context }) {
  const t = useTranslations("proxies");
  const format = useFormatter();
  const noteText = useNoteText();
  const held = format.number(proxy.heldClients);
  if (proxy.capacity === 0)
    return (
      <span className="text-xs text-slate-600" title={t("load.heldHint", { count: format.number(proxy.connectedClients) })}>
        {held} · {t("load.capacityUnknown")}
      </span>
    );
  const ratio = Math.min(1, proxy.heldClients / proxy.capacity);
  return (
    <div className="ml-auto flex w-36 flex-col items-end gap-1">
      <span className="tabular-nums" title={t("load.heldHint", { count: format.number(proxy.connectedClients) })}>
        {t("load.value", { clients: held, capacity: format.number(proxy.capacity) })}
      </span>
      <span
        role="meter"
        aria-label={t("load.meterLabel")}
        aria-valuemin={0}
        aria-valuemax={proxy.capacity}
        aria-valuenow={Math.min(proxy.heldClients, proxy.capacity)}
        aria-valuetext={t("load.meterText", { percent: format.number(proxy.heldClients / proxy.capacity, { style: "percent" }) })}
        className="block h-1.5 w-full overflow-hidden rounded bg-slate-200"
      >
        <span
          className={clsx("block h-full", ratio >= 0.9 ? "bg-red-600" : ratio >= 0.7 ? "bg-amber-500" : "bg-brand-600")}
          style={{ width: `${ratio * 100}%` }}
        />
      </span>
      {proxy.overCapacity ? (
        <InfoTip tip={noteText(proxy, context)}>
          <Badge tone="warning">
            <TriangleAlert aria-hidden className="size-3.5" />
            {t("holding.overCapacity")}
            <Info aria-hidden className="size-3" />
          </Badge>
        </InfoTip>
      ) : null}
    </div>
  );
}

/** The fair share, why the proxy holds more when it does, and its last rebalance. */
export function ShareCell({ proxy, context }: { proxy: ProxyDto; context: Context }) {
  const t = useTranslations("proxies.holding");
  const format = useFormatter();
  const noteText = useNoteText();
  const text = noteText(proxy, context);
  // The over-capacity badge already explains itself; here the share's own notes.
  const label = proxy.overCapacity
    ? null
    : proxy.holdingNote === "paced"
      ? t("aboveShare")
      : proxy.holdingNote === "within_tolerance"
        ? t("withinTolerance")
        : proxy.holdingNote === "not_serving"
          ? t("notServing")
          : null;
  return (
    <div className="space-y-1 text-xs">
      <p className="text-sm text-slate-900 tabular-nums">
        {proxy.fairShare === null ? t("shareNone") : t("share", { share: format.number(proxy.fairShare) })}
      </p>
      {label && text ? (
        <InfoTip tip={text} label={`${label}: ${t("whyLabel", { held: format.number(proxy.heldClients) })}`}>
          <span
            className={clsx(
              "inline-flex items-center gap-1 underline decoration-dotted underline-offset-2",
              proxy.holdingNote === "paced" ? "font-medium text-amber-800" : "text-slate-700",
            )}
          >
            <Info aria-hidden className="size-3.5 shrink-0" />
            {label}
          </span>
        </InfoTip>
      ) : null}
      <LastRebalance proxy={proxy} />
    </div>
  );
}

function useRebalanceTime() {
  const format = useFormatter();
  return (iso: string) => {
    const at = new Date(iso);
    const today = at.toDateString() === new Date().toDateString();
    return format.dateTime(at, today ? { timeStyle: "short" } : { dateStyle: "short", timeStyle: "short" });
  };
}

function useReasonText() {
  const t = useTranslations("proxies.holding.reason");
  return (reason: string) => (reason === "proxy_joined" || reason === "spread" ? t(reason) : t("other", { reason }));
}

function LastRebalance({ proxy }: { proxy: ProxyDto }) {
  const t = useTranslations("proxies.holding");
  const time = useRebalanceTime();
  const reasonText = useReasonText();
  const last = proxy.lastRebalance;
  if (!last) return <p className="text-slate-500">{t("noRebalance")}</p>;
  const at = time(last.at);
  const moves = [
    ...last.took.map((m) => ({ key: `took-${m.proxyId}`, kind: "took" as const, ...m })),
    ...last.gave.map((m) => ({ key: `gave-${m.proxyId}`, kind: "gave" as const, ...m })),
  ];
  const name = (m: (typeof moves)[number]) => m.hostname ?? t("deletedProxy");
  return (
    <div className="flex gap-1 text-slate-700">
      <ArrowLeftRight aria-hidden className="mt-0.5 size-3.5 shrink-0 text-slate-500" />
      <div>
        {moves.length === 1 ? (
          <p>{t(moves[0]!.kind, { count: moves[0]!.count, name: name(moves[0]!), time: at })}</p>
        ) : (
          <>
            <p>{t("rebalanceAt", { time: at })}</p>
            <ul className="list-disc pl-4">
              {moves.map((m) => (
                <li key={m.key}>{t(m.kind === "took" ? "tookShort" : "gaveShort", { count: m.count, name: name(m) })}</li>
              ))}
            </ul>
          </>
        )}
        <p className="text-slate-500">{reasonText(last.reason)}</p>
      </div>
    </div>
  );
}

/** Above the table: how many clients the proxies relay, the rule, and the last rebalance. */
export function HoldingSummary({ list }: { list: ProxyList }) {
  const t = useTranslations("proxies.holding");
  const format = useFormatter();
  const time = useRebalanceTime();
  const reasonText = useReasonText();
  const last = list.lastRebalance;
  return (
    <section
      aria-labelledby="holding-summary"
      className="mb-3 max-w-4xl rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700"
    >
      <h2 id="holding-summary" className="mb-1 font-semibold text-slate-900">
        {t("summaryTitle")}
      </h2>
      <p>{t("summaryRelayed", { count: list.relayedClients })}</p>
      <p>{t("summaryRule", { pace: format.number(list.rebalancePerMinute) })}</p>
      <p className="mt-1 text-slate-600">
        {last ? t("summaryLast", { time: time(last.at), count: last.moved, reason: reasonText(last.reason) }) : t("summaryNone")}
      </p>
    </section>
  );
}
