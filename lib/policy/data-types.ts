// R18: the data types that cache mode can keep in the data center. The original help page says
// "only certain data types are supported" without naming them; this list is the console's
// choice and the one place to change it.
export const CACHE_DATA_TYPES = [
  { id: "security_alerts", en: "Security alerts", ja: "セキュリティアラート" },
  { id: "vulnerability_results", en: "Vulnerability scan results", ja: "脆弱性スキャン結果" },
  { id: "baseline_results", en: "Baseline check results", ja: "ベースラインチェック結果" },
  { id: "login_logs", en: "Login logs", ja: "ログインログ" },
  { id: "process_logs", en: "Process start logs", ja: "プロセス起動ログ" },
  { id: "network_logs", en: "Network connection logs", ja: "ネットワーク接続ログ" },
] as const;

export type CacheDataType = (typeof CACHE_DATA_TYPES)[number]["id"];
export const CACHE_DATA_TYPE_IDS = CACHE_DATA_TYPES.map((t) => t.id) as [CacheDataType, ...CacheDataType[]];
