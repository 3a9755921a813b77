// The traffic answer as chart rows: one row per minute of the hour (a minute without a point is
// 0 kbps: the proxy sent nothing), one value per proxy, and the peak the summary names.
import type { ClusterTraffic } from "../proxy-api";

export type MinuteRow = { at: number } & Record<string, number>;
export type Peak = { kbps: number; proxyId: string | null; at: number | null };

const MINUTE = 60_000;

export function minuteRows(traffic: ClusterTraffic): MinuteRow[] {
  const start = Date.parse(traffic.from);
  const ids = seriesIds(traffic);
  const rows: MinuteRow[] = Array.from({ length: traffic.minutes }, (_, i) => {
    const row: MinuteRow = { at: start + i * MINUTE };
    for (const id of ids) row[id] = 0;
    return row;
  });
  for (const point of traffic.points) {
    const index = Math.round((Date.parse(point.minute) - start) / MINUTE);
    const row = rows[index];
    if (row) row[point.proxyId] = row[point.proxyId]! + point.kbps;
  }
  return rows;
}

export function peakOf(traffic: ClusterTraffic): Peak {
  let peak: Peak = { kbps: 0, proxyId: null, at: null };
  for (const point of traffic.points)
    if (point.kbps > peak.kbps) peak = { kbps: point.kbps, proxyId: point.proxyId, at: Date.parse(point.minute) };
  return peak;
}

/** The top of the y axis: the peak rounded up to 1, 2, 4 or 8 × 10ⁿ, so the four tick steps are round numbers. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 4, 8, 10].find((s) => s * power >= value)!;
  return step * power;
}

/** The rollups of agents that report to the console directly (lib/relay/ingest-data.ts DIRECT). */
export const DIRECT_ID = "00000000-0000-0000-0000-000000000000";

/** The series of the hour: the current proxies, then any other source that sent data (direct agents, a deleted proxy). */
export function seriesIds(traffic: ClusterTraffic): string[] {
  const ids = traffic.proxies.map((p) => p.id);
  for (const point of traffic.points) if (!ids.includes(point.proxyId)) ids.push(point.proxyId);
  return ids;
}
