// The limitations notice shown where clients are connected and in the install-command dialog.
import data from "./proxy-limitations.json";

export type Limitation = { id: string; en: string; ja: string };

export const PROXY_LIMITATIONS: Limitation[] = data.items;
