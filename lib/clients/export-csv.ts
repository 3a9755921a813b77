// CSV of connected clients (csv-stringify), produced page by page as the response is read.
import type { AssetDto } from "@/lib/assets/serialize";
import { csvStream, type CsvCell } from "@/lib/http/csv-stream";

const HEADER = [
  "hostname",
  "ips",
  "type",
  "os",
  "os_version",
  "provider",
  "group",
  "tags",
  "agent_status",
  "agent_version",
  "last_seen",
  "connected_at",
];

function row(a: AssetDto): CsvCell[] {
  return [
    a.hostname,
    a.ips.join(" "),
    a.type,
    a.os,
    a.osVersion,
    a.provider,
    a.group?.name ?? "",
    a.tags.map((t) => t.name).join(" "),
    a.agentStatus,
    a.agentVersion ?? "",
    a.agentLastSeenAt ?? "",
    a.cluster?.connectedAt ?? "",
  ];
}

export function clientsCsvStream(
  first: IteratorResult<AssetDto[]>,
  rest: AsyncGenerator<AssetDto[]>,
): ReadableStream<Uint8Array> {
  return csvStream(HEADER, row, first, rest);
}
