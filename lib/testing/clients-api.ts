// The client-access routes as a test calls them (issue #5): connect, disconnect, list, export,
// the asset inventory — with the caller's API token.
import * as assets from "@/app/api/v1/assets/route";
import * as exportRoute from "@/app/api/v1/clusters/[id]/clients/export/route";
import * as clients from "@/app/api/v1/clusters/[id]/clients/route";
import type { AssetPage } from "@/lib/assets/list-assets";
import type { ConnectResult } from "@/lib/clients/connect-batch";
import { call } from "./http";

export function clientsApi(token: string) {
  const headers = { authorization: `Bearer ${token}` };
  return {
    connect: (clusterId: string, assetIds: string[]) =>
      call<ConnectResult>(clients.POST, "POST", "/", { params: { id: clusterId }, headers, body: { assetIds } }),
    disconnect: (clusterId: string, body: { assetIds: string[] } | { all: true }) =>
      call<{ disconnected: number; clientCount: number }>(clients.DELETE, "DELETE", "/", {
        params: { id: clusterId },
        headers,
        body,
      }),
    list: (clusterId: string, query = "") =>
      call<AssetPage>(clients.GET, "GET", `/api/v1/clusters/${clusterId}/clients${query}`, {
        params: { id: clusterId },
        headers,
      }),
    assets: (query: string) => call<AssetPage>(assets.GET, "GET", `/api/v1/assets${query}`, { headers }),
    /** The CSV as text (the route streams it), or the error's status. */
    async exportCsv(clusterId: string, query = "") {
      const request = new Request(`http://test/api/v1/clusters/${clusterId}/clients/export${query}`, { headers });
      const response = await exportRoute.GET(request, { params: Promise.resolve({ id: clusterId }) });
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
  };
}
