// R17: with a custom backflow bandwidth, the bandwidth the clients need (R14: 10 Kbit/s each)
// stays at most 60% of it. Checked when the policy changes and when clients connect.
import { AppError } from "@/lib/http/errors";
import { requiredBandwidthKbps } from "@/lib/proxies/capacity";

export const BANDWIDTH_SHARE_LIMIT = 0.6;

export function headroom(clients: number, bandwidthKbps: number) {
  const requiredKbps = requiredBandwidthKbps(clients);
  const allowedKbps = Math.floor(bandwidthKbps * BANDWIDTH_SHARE_LIMIT);
  return {
    requiredKbps,
    allowedKbps,
    ok: requiredKbps <= allowedKbps,
    minimumKbps: Math.ceil(requiredKbps / BANDWIDTH_SHARE_LIMIT),
  };
}

export function assertBandwidthHeadroom(clients: number, bandwidthKbps: number) {
  const h = headroom(clients, bandwidthKbps);
  if (h.ok) return;
  throw new AppError(
    "BANDWIDTH_HEADROOM",
    `${clients} clients need ${h.requiredKbps} Kbit/s (10 Kbit/s each), more than 60% of ${bandwidthKbps} Kbit/s (${h.allowedKbps} Kbit/s). Set at least ${h.minimumKbps} Kbit/s, or unlimited.`,
    { clients, requiredKbps: h.requiredKbps, limitKbps: bandwidthKbps, allowedKbps: h.allowedKbps, minimumKbps: h.minimumKbps },
  );
}
