// HTTP metrics of the API routes (issue 14): the route label is the path with each dynamic
// segment's value put back as its name (/api/v1/clusters/{id}/proxies), so its values are as many
// as the routes, never one per cluster or token.
import { metrics } from "./registry";

type Params = Record<string, string | string[] | undefined>;

export function routeTemplate(pathname: string, params: Params): string {
  const names = new Map<string, string>();
  const catchAll = new Set<string>();
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) catchAll.add(name);
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) names.set(v, name);
  }
  const out: string[] = [];
  for (const segment of pathname.split("/")) {
    const name = names.get(decodeURIComponent(segment));
    if (!name) out.push(segment);
    else if (!catchAll.has(name)) out.push(`{${name}}`);
    // A catch-all's segments are one placeholder: /api/v1/agent-dist/{...path}
    else if (out.at(-1) !== `{...${name}}`) out.push(`{...${name}}`);
  }
  return out.join("/");
}

export function observeRequest(request: Request, params: Params, status: number, startedMs: number): void {
  const route = routeTemplate(new URL(request.url).pathname, params);
  const m = metrics();
  m.httpRequests.inc({ route, method: request.method, status: String(status) });
  m.httpDuration.observe({ route, method: request.method }, (performance.now() - startedMs) / 1000);
}
