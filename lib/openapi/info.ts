// The parts of the document that are about the API as a whole: its introduction, credentials and
// the groups its operations are shown in.

export const API_DESCRIPTION = `The JSON API of the Proxy Access Console. The console's own pages use the same routes.

**Credentials.** The operator routes take an API token, \`Authorization: Bearer pac_…\` (an admin makes one in Settings → API tokens, or with \`npm run admin -- create-token --role admin\`), or the session cookie of the sign-in page; a change made with the cookie must carry this console's \`Origin\`. Each operation names the least role it needs: viewer (read only), operator (clusters, proxies, clients, install commands, policies) or admin (users and API tokens). The agent protocol takes the agent credential (\`pag_…\`) issued at registration. API tokens never work on agent routes, nor agent credentials on the others.

**Errors.** Every error answers \`{"error": {"code", "message", "details", "requestId"}}\`, and each operation lists the codes it may answer under each status. Invalid input is 400 \`VALIDATION_FAILED\` with \`details.fields\`, never a 500. A 429 carries \`Retry-After\`.

**Lists.** Long lists are keyset-paginated: pass the answer's \`nextCursor\` as \`cursor\`.

Every answer carries an \`x-request-id\` header; send your own to follow a request through the console's log.`;

export const SECURITY_SCHEMES = {
  apiToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "pac_…",
    description: "An API token: an admin makes one in Settings → API tokens. It is shown once.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "pac.session_token",
    description: "The session cookie of the sign-in page (__Secure-pac.session_token over HTTPS).",
  },
  agentCredential: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "pag_…",
    description: "The credential an agent or a proxy got when it registered.",
  },
};

/** The groups of operations, in the order the reference shows them. */
export const TAGS = [
  { name: "Clusters", description: "Proxy clusters, their policy, capacity and traffic." },
  { name: "Proxy servers", description: "Deploy, stop, upgrade and delete a cluster's proxy servers." },
  { name: "Clients", description: "Connect servers to a cluster and disconnect them." },
  { name: "Inventory", description: "The servers known to the console, with their groups and tags." },
  { name: "Install commands", description: "Expiring commands that install the agent on a server." },
  { name: "Planning", description: "How many proxies and how much bandwidth a number of servers needs." },
  { name: "Audit log", description: "Who did what to which object, when, from where, with what outcome." },
  { name: "Alerts", description: "Alerts opened by the rules, the rules' thresholds, and the webhooks they are sent to." },
  { name: "Users and API tokens", description: "Console users and their roles; API tokens for scripts." },
  { name: "Session", description: "Sign in and out, the caller, one's own password." },
  { name: "Agent protocol", description: "What agents, proxies and the install scripts speak." },
  { name: "API contract", description: "This document." },
] as const;

type Tag = (typeof TAGS)[number]["name"];

/** Which group a path belongs to: the first pattern that matches. */
const GROUPS: [RegExp, Tag][] = [
  [/^\/api\/v1\/clusters\/\{id\}\/(proxies|upgrade-rollouts)/, "Proxy servers"],
  [/^\/api\/v1\/(proxies|proxy-releases)/, "Proxy servers"],
  [/^\/api\/v1\/clusters\/\{id\}\/(clients|connect-jobs)/, "Clients"],
  [/^\/api\/v1\/clusters/, "Clusters"],
  [/^\/api\/v1\/(assets|groups|tags)/, "Inventory"],
  [/^\/api\/v1\/install-commands/, "Install commands"],
  [/^\/api\/v1\/planner/, "Planning"],
  [/^\/api\/v1\/audit-events/, "Audit log"],
  [/^\/api\/v1\/(alerts|alert-rules|webhooks)/, "Alerts"],
  [/^\/api\/v1\/(users|tokens)/, "Users and API tokens"],
  [/^\/api\/v1\/auth/, "Session"],
  [/^\/api\/v1\/(agent|agent-dist|install|deploy)\//, "Agent protocol"],
  [/^\/api\/v1\/openapi\.json$/, "API contract"],
];

export function tagOf(path: string): Tag {
  const group = GROUPS.find(([pattern]) => pattern.test(path));
  if (!group) throw new Error(`No group of operations for ${path}: add one to lib/openapi/info.ts.`);
  return group[1];
}
