// One row per audit event (R20), newest first; each row opens its details (JSON) below it.
"use client";
import { clsx } from "clsx";
import { ChevronDown, ChevronRight, CircleCheck, CircleX } from "lucide-react";
import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { CELL_CLASS, ROW_CLASS, TableFrame } from "@/components/ui/table";
import type { Region } from "@/lib/clusters/schemas";
import type { AuditEventDto } from "./audit-api";
import { useAuditLabels } from "./use-audit-labels";

const COLUMN_KEYS = ["time", "actor", "action", "target", "region", "outcome", "ip", "requestId", "details"] as const;

/** Minimum widths keep names readable; below them the table scrolls. */
const COLUMN_CLASS: Partial<Record<(typeof COLUMN_KEYS)[number], string>> = {
  actor: "min-w-44",
  action: "min-w-36",
  target: "min-w-40",
  region: "min-w-20",
  ip: "whitespace-nowrap",
  requestId: "whitespace-nowrap",
  details: "w-10",
};

/** "2026-11-27T14:05:09.123Z" → date and time in one unambiguous form for every language. */
function utcParts(iso: string): [date: string, time: string] {
  return [iso.slice(0, 10), iso.slice(11, 19)];
}

export function AuditTable({ events, busy }: { events: AuditEventDto[]; busy?: boolean }) {
  const t = useTranslations("audit");
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns = COLUMN_KEYS.map((key) => ({
    key,
    label: t(`columns.${key}`),
    srOnly: key === "details",
    className: COLUMN_CLASS[key],
  }));
  return (
    <TableFrame caption={t("tableCaption")} columns={columns} busy={busy} minWidth="min-w-[64rem]">
      {events.map((event) => (
        <Fragment key={event.id}>
          <AuditRow event={event} expanded={open.has(event.id)} onToggle={() => toggle(event.id)} />
          {open.has(event.id) ? <AuditDetailsRow event={event} /> : null}
        </Fragment>
      ))}
    </TableFrame>
  );
}

type RowProps = { event: AuditEventDto; expanded: boolean; onToggle: () => void };

function AuditRow({ event, expanded, onToggle }: RowProps) {
  const t = useTranslations("audit");
  const regions = useTranslations("shell.regions");
  const labels = useAuditLabels();
  const failed = event.outcome === "failure";
  const Chevron = expanded ? ChevronDown : ChevronRight;
  return (
    <tr className={clsx(ROW_CLASS, expanded && "border-b-0 bg-slate-50")}>
      <td className={`${CELL_CLASS} font-mono text-xs whitespace-nowrap text-slate-700`}>
        <time dateTime={event.at}>
          {utcParts(event.at).map((part) => (
            <span key={part} className="block">
              {part}
            </span>
          ))}
        </time>
      </td>
      <td className={CELL_CLASS}>
        <span className="block [overflow-wrap:anywhere] text-slate-900">{event.actor.name}</span>
        <span className="text-xs text-slate-500">{labels.actorType(event.actor.type)}</span>
      </td>
      <th scope="row" className={`${CELL_CLASS} text-left font-medium text-slate-900`}>
        {labels.action(event.action)}
        <span className="block font-mono text-[11px] font-normal text-slate-500">{event.action}</span>
      </th>
      <td className={CELL_CLASS}>
        <span className="block [overflow-wrap:anywhere] text-slate-900">{event.target.name ?? event.target.id ?? "—"}</span>
        <span className="text-xs text-slate-500">{labels.targetType(event.target.type)}</span>
      </td>
      <td className={`${CELL_CLASS} text-slate-700`}>
        {event.region ? regions(event.region as Region) : <span className="text-slate-400">—</span>}
      </td>
      <td className={CELL_CLASS}>
        <Badge tone={failed ? "warning" : "success"}>
          {failed ? <CircleX aria-hidden className="size-3.5" /> : <CircleCheck aria-hidden className="size-3.5" />}
          {t(`outcomes.${failed ? "failure" : "success"}`)}
        </Badge>
        {event.errorCode ? <span className="mt-0.5 block font-mono text-[11px] text-amber-900">{event.errorCode}</span> : null}
      </td>
      <td className={`${CELL_CLASS} font-mono text-xs whitespace-nowrap text-slate-700`}>{event.ip ?? "—"}</td>
      <td className={`${CELL_CLASS} font-mono text-xs text-slate-700`} title={event.requestId ?? undefined}>
        {event.requestId ? `${event.requestId.slice(0, 8)}…` : "—"}
      </td>
      <td className={`${CELL_CLASS} py-1.5 text-right`}>
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-controls={`audit-details-${event.id}`}
          className="rounded p-1 text-slate-600 hover:bg-slate-200 hover:text-slate-900"
        >
          <Chevron aria-hidden className="size-4" />
          <span className="sr-only">{t("showDetails", { action: labels.action(event.action) })}</span>
        </button>
      </td>
    </tr>
  );
}

function AuditDetailsRow({ event }: { event: AuditEventDto }) {
  const t = useTranslations("audit.detail");
  const facts: [string, string | null][] = [
    [t("actorId"), event.actor.id],
    [t("targetId"), event.target.id],
    [t("requestId"), event.requestId],
    [t("eventId"), event.id],
  ];
  return (
    <tr id={`audit-details-${event.id}`} className="border-b border-slate-200 bg-slate-50">
      <td colSpan={COLUMN_KEYS.length} className="px-3 pt-0 pb-3">
        <div className="grid gap-3 rounded border border-slate-200 bg-white p-3 lg:grid-cols-[minmax(0,20rem)_1fr]">
          <dl className="grid grid-cols-[max-content_1fr] content-start gap-x-3 gap-y-1 text-xs">
            {facts.map(([label, value]) => (
              <Fragment key={label}>
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-mono [overflow-wrap:anywhere] text-slate-900">{value ?? "—"}</dd>
              </Fragment>
            ))}
          </dl>
          <div className="min-w-0">
            <p className="mb-1 text-xs font-medium text-slate-700">{t("details")}</p>
            <pre className="max-h-72 overflow-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
              {JSON.stringify(event.details ?? {}, null, 2)}
            </pre>
          </div>
        </div>
      </td>
    </tr>
  );
}
