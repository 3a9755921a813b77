// The UI catalogs: one JSON file per feature and language, merged here. A feature adds its file
// under messages/en/ and messages/ja/ and one import per language below.
import enAlerts from "./en/alerts.json" with { type: "json" };
import enApiDocs from "./en/api-docs.json" with { type: "json" };
import enAuth from "./en/auth.json" with { type: "json" };
import enClients from "./en/clients.json" with { type: "json" };
import enCore from "./en/core.json" with { type: "json" };
import enInstallCommands from "./en/install-commands.json" with { type: "json" };
import enPlanning from "./en/planning.json" with { type: "json" };
import enPolicy from "./en/policy.json" with { type: "json" };
import enProxies from "./en/proxies.json" with { type: "json" };
import enRollouts from "./en/rollouts.json" with { type: "json" };
import enTls from "./en/tls.json" with { type: "json" };
import enTraffic from "./en/traffic.json" with { type: "json" };
import jaAlerts from "./ja/alerts.json" with { type: "json" };
import jaApiDocs from "./ja/api-docs.json" with { type: "json" };
import jaAuth from "./ja/auth.json" with { type: "json" };
import jaClients from "./ja/clients.json" with { type: "json" };
import jaCore from "./ja/core.json" with { type: "json" };
import jaInstallCommands from "./ja/install-commands.json" with { type: "json" };
import jaPlanning from "./ja/planning.json" with { type: "json" };
import jaPolicy from "./ja/policy.json" with { type: "json" };
import jaProxies from "./ja/proxies.json" with { type: "json" };
import jaRollouts from "./ja/rollouts.json" with { type: "json" };
import jaTls from "./ja/tls.json" with { type: "json" };
import jaTraffic from "./ja/traffic.json" with { type: "json" };

export const en = {
  ...enCore,
  ...enAuth,
  ...enClients,
  ...enProxies,
  ...enRollouts,
  ...enPlanning,
  ...enInstallCommands,
  ...enPolicy,
  ...enTraffic,
  ...enAlerts,
  ...enApiDocs,
  ...enTls,
};
export const ja: typeof en = {
  ...jaCore,
  ...jaAuth,
  ...jaClients,
  ...jaProxies,
  ...jaRollouts,
  ...jaPlanning,
  ...jaInstallCommands,
  ...jaPolicy,
  ...jaTraffic,
  ...jaAlerts,
  ...jaApiDocs,
  ...jaTls,
};

export const catalogs = { en, ja } as const;
