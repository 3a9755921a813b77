// CSV of connected clients (csv-stringify), produced page by page as the response is read.
import { stringify } from "csv-stringify/sync";
import type { AssetDto } from "@/lib/assets/serialize";

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

function rows(items: AssetDto[]): string {
  return stringify(
    items.map((a) => [
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
    ]),
  );
}

export function clientsCsvStream(
  first: IteratorResult<AssetDto[]>,
  rest: AsyncGenerator<AssetDto[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: IteratorResult<AssetDto[]> | null = first;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + stringify([HEADER])));
    },
    async pull(controller) {
      const next = pending ?? (await rest.next());
      pending = null;
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(rows(next.value)));
    },
    async cancel() {
      await rest.return(undefined);
    },
  });
}
