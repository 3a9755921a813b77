// The UI catalogs: one JSON file per feature and language, merged here. A feature adds its file
// under messages/en/ and messages/ja/ and one import per language below.
import enAuth from "./en/auth.json" with { type: "json" };
import enClients from "./en/clients.json" with { type: "json" };
import enCore from "./en/core.json" with { type: "json" };
import enInstallCommands from "./en/install-commands.json" with { type: "json" };
import enPlanning from "./en/planning.json" with { type: "json" };
import enPolicy from "./en/policy.json" with { type: "json" };
import enProxies from "./en/proxies.json" with { type: "json" };
import enTraffic from "./en/traffic.json" with { type: "json" };
import jaAuth from "./ja/auth.json" with { type: "json" };
import jaClients from "./ja/clients.json" with { type: "json" };
import jaCore from "./ja/core.json" with { type: "json" };
import jaInstallCommands from "./ja/install-commands.json" with { type: "json" };
import jaPlanning from "./ja/planning.json" with { type: "json" };
import jaPolicy from "./ja/policy.json" with { type: "json" };
import jaProxies from "./ja/proxies.json" with { type: "json" };
import jaTraffic from "./ja/traffic.json" with { type: "json" };

export const en = {
  ...enCore,
  ...enAuth,
  ...enClients,
  ...enProxies,
  ...enPlanning,
  ...enInstallCommands,
  ...enPolicy,
  ...enTraffic,
};
export const ja: typeof en = {
  ...jaCore,
  ...jaAuth,
  ...jaClients,
  ...jaProxies,
  ...jaPlanning,
  ...jaInstallCommands,
  ...jaPolicy,
  ...jaTraffic,
};

export const catalogs = { en, ja } as const;
