// CSV of the audit log under the current filter (issue 13 item 12), streamed page by page.
import { csvStream, type CsvCell } from "@/lib/http/csv-stream";
import type { AuditEventDto } from "./list-events";

const HEADER = [
  "at",
  "actor_type",
  "actor",
  "action",
  "target_type",
  "target",
  "target_id",
  "region",
  "outcome",
  "error_code",
  "ip",
  "request_id",
  "details",
];

function row(e: AuditEventDto): CsvCell[] {
  return [
    e.at,
    e.actor.type,
    e.actor.name,
    e.action,
    e.target.type,
    e.target.name ?? "",
    e.target.id ?? "",
    e.region ?? "",
    e.outcome,
    e.errorCode ?? "",
    e.ip ?? "",
    e.requestId ?? "",
    JSON.stringify(e.details ?? {}),
  ];
}

export function auditCsvStream(first: IteratorResult<AuditEventDto[]>, rest: AsyncGenerator<AuditEventDto[]>) {
  return csvStream(HEADER, row, first, rest);
}
