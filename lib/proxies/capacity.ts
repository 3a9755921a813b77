// R13: one 8-core/16 GB proxy serves at most 6,000 hosts or containers; capacity scales with
// min(cores/8, memory/16 GB). R14: each connected server needs 10 Kbit/s on the proxy.
export const CLIENTS_PER_REFERENCE_PROXY = 6000;
export const KBPS_PER_CLIENT = 10;

export function proxyCapacity(cpuCores: number | null, memoryMb: number | null): number {
  if (!cpuCores || !memoryMb) return 0;
  const scale = Math.min(cpuCores / 8, memoryMb / (16 * 1024));
  return Math.floor(CLIENTS_PER_REFERENCE_PROXY * scale);
}

export function requiredBandwidthKbps(clients: number): number {
  return clients * KBPS_PER_CLIENT;
}
