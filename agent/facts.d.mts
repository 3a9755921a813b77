// Types of facts.mjs for the TypeScript callers.
import type { AssetFacts } from "./protocol.mjs";

export declare function parseOsRelease(text: string | null): string | null;
export declare function pickIps(interfaces?: NodeJS.Dict<{ address: string; internal: boolean }[]>): string[];
export declare function collectFacts(overrides?: Partial<Omit<AssetFacts, "os" | "agentVersion">>): AssetFacts;
