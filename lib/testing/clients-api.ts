// The client-access routes as a test calls them (issue #5): connect, disconnect, list, export,
// the asset inventory — with the caller's API token.
import * as assetCount from "@/app/api/v1/assets/count/route";
import * as assets from "@/app/api/v1/assets/route";
import * as clientCount from "@/app/api/v1/clusters/[id]/clients/count/route";
import * as exportRoute from "@/app/api/v1/clusters/[id]/clients/export/route";
import * as clients from "@/app/api/v1/clusters/[id]/clients/route";
import type { ListTotal } from "@/lib/assets/count-matches";
import type { AssetPage } from "@/lib/assets/list-assets";
import type { ConnectResult } from "@/lib/clients/connect-batch";
import { call, checkAnswer } from "./http";

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
    count: (clusterId: string, query = "") =>
      call<ListTotal>(clientCount.GET, "GET", `/api/v1/clusters/${clusterId}/clients/count${query}`, {
        params: { id: clusterId },
        headers,
      }),
    assets: (query: string) => call<AssetPage>(assets.GET, "GET", `/api/v1/assets${query}`, { headers }),
    assetCount: (query: string) => call<ListTotal>(assetCount.GET, "GET", `/api/v1/assets/count${query}`, { headers }),
    /** The CSV as text (the route streams it), or the error's status. */
    async exportCsv(clusterId: string, query = "") {
      const request = new Request(`http://test/api/v1/clusters/${clusterId}/clients/export${query}`, { headers });
      const response = await exportRoute.GET(request, { params: Promise.resolve({ id: clusterId }) });
      const text = await response.text();
      await checkAnswer(exportRoute.GET, response, text);
      return { status: response.status, headers: response.headers, text };
    },
  };
}
