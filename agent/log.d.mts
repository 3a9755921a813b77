// Types of log.mjs for the TypeScript callers.
import type { Logger } from "./protocol.mjs";

export declare function createLogger(base?: Record<string, unknown>, write?: (line: string) => void): Logger;
export declare const silentLogger: Logger;
