// One line per audit event (R20), newest first; each row opens its details (JSON) below it. Dense
// (issue 13 item 12): long names are cut with an ellipsis, never mid-word onto a second line, and
// the full text is in the title.
"use client";
import { clsx } from "clsx";
import { ChevronDown, ChevronRight, CircleCheck, CircleX } from "lucide-react";
import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ROW_CLASS, TableFrame } from "@/components/ui/table";
import type { Region } from "@/lib/clusters/schemas";
import type { AuditEventDto } from "./audit-api";
import { useAuditLabels } from "./use-audit-labels";

const COLUMN_KEYS = ["time", "actor", "action", "target", "region", "outcome", "ip", "requestId", "details"] as const;

/** Minimum widths keep names readable; below them the table scrolls. */
const COLUMN_CLASS: Partial<Record<(typeof COLUMN_KEYS)[number], string>> = {
  time: "whitespace-nowrap",
  region: "whitespace-nowrap",
  outcome: "whitespace-nowrap",
  ip: "whitespace-nowrap",
  requestId: "whitespace-nowrap",
  details: "w-10",
};

/** A compact cell: one line, cut with an ellipsis. */
const DENSE = "px-2 py-1 align-middle";

/** "2026-11-27T14:05:09.123Z" → "2026-11-27 14:05:09": one unambiguous form for every language. */
function utcText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Text cut to its cell with an ellipsis; the full text (and what it is) in the title. */
function Cut({ text, kind, className }: { text: string; kind?: string; className: string }) {
  return (
    <span className={clsx("block truncate", className)} title={kind ? `${text} (${kind})` : text}>
      {text}
      {kind ? <span className="ml-1 text-xs text-slate-500">{kind}</span> : null}
    </span>
  );
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
    <TableFrame caption={t("tableCaption")} columns={columns} busy={busy} minWidth="min-w-[64rem]" dense>
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
    <tr className={clsx(ROW_CLASS, "text-[13px]", expanded && "border-b-0 bg-slate-50")}>
      <td className={`${DENSE} font-mono text-xs whitespace-nowrap text-slate-700`}>
        <time dateTime={event.at}>{utcText(event.at)}</time>
      </td>
      <td className={`${DENSE} text-slate-900`}>
        <Cut
          className="max-w-56"
          text={event.actor.name}
          kind={event.actor.type === "user" ? undefined : labels.actorType(event.actor.type)}
        />
      </td>
      <th scope="row" className={`${DENSE} text-left font-medium text-slate-900`}>
        <span className="block max-w-64 truncate" title={event.action}>
          {labels.action(event.action)}
        </span>
      </th>
      <td className={`${DENSE} text-slate-900`}>
        <Cut
          className="max-w-72"
          text={event.target.name ?? event.target.id ?? "—"}
          kind={labels.targetType(event.target.type)}
        />
      </td>
      <td className={`${DENSE} whitespace-nowrap text-slate-700`}>
        {event.region ? regions(event.region as Region) : <span className="text-slate-400">—</span>}
      </td>
      <td className={`${DENSE} whitespace-nowrap`}>
        <Badge tone={failed ? "warning" : "success"}>
          {failed ? <CircleX aria-hidden className="size-3.5" /> : <CircleCheck aria-hidden className="size-3.5" />}
          {t(`outcomes.${failed ? "failure" : "success"}`)}
        </Badge>
        {event.errorCode ? <span className="ml-1 font-mono text-[11px] text-amber-900">{event.errorCode}</span> : null}
      </td>
      <td className={`${DENSE} font-mono text-xs whitespace-nowrap text-slate-700`}>{event.ip ?? "—"}</td>
      <td className={`${DENSE} font-mono text-xs whitespace-nowrap text-slate-700`} title={event.requestId ?? undefined}>
        {event.requestId ? `${event.requestId.slice(0, 8)}…` : "—"}
      </td>
      <td className={`${DENSE} text-right`}>
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-controls={`audit-details-${event.id}`}
          className="rounded p-0.5 text-slate-600 hover:bg-slate-200 hover:text-slate-900"
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
