// Issue 16 with R4: an IP cluster holds one proxy, so the only minimum of online proxies that
// suits it is 1. Checked here for creation and change alike (and by a CHECK in the table).
import { AppError } from "@/lib/http/errors";
import { isIpAddressKind, type AddressKind } from "./address";

export function assertMinimumFitsAddress(kind: AddressKind, minOnlineProxies: number): void {
  if (!isIpAddressKind(kind) || minOnlineProxies === 1) return;
  throw new AppError(
    "IP_CLUSTER_SINGLE_PROXY",
    `A cluster whose contact address is an IP address holds one proxy server, so its minimum of online proxies is 1 (asked: ${minOnlineProxies}). Use a domain name for several proxies.`,
    {
      fields: [
        {
          path: "body.minOnlineProxies",
          code: "ip_cluster_single_proxy",
          message: "An IP cluster holds one proxy server: its minimum is 1.",
        },
      ],
    },
  );
}
