// The UI catalogs: one JSON file per feature and language, merged here. A feature adds its file
// under messages/en/ and messages/ja/ and one import per language below.
import enCore from "./en/core.json" with { type: "json" };
import jaCore from "./ja/core.json" with { type: "json" };

export const en = { ...enCore };
export const ja: typeof en = { ...jaCore };

export const catalogs = { en, ja } as const;
