// Types of collectors.mjs for the TypeScript callers.
export declare const MAX_RECORDS: number;

export type TcpState =
  | "ESTABLISHED"
  | "SYN_SENT"
  | "SYN_RECV"
  | "FIN_WAIT1"
  | "FIN_WAIT2"
  | "TIME_WAIT"
  | "CLOSE"
  | "CLOSE_WAIT"
  | "LAST_ACK"
  | "LISTEN"
  | "CLOSING";
/** local/remote as "10.0.0.5:8080" or "[fd00::5]:8080". */
export type TcpSocket = { local: string; remote: string; state: TcpState | string };

export type NetworkRecord = { type: "network_logs"; at: string; data: { local: string; remote: string; family: 4 | 6 } };
export type ProcessRecord = { type: "process_logs"; at: string; data: { pid: number; comm: string; cmdline: string } };
export type LoginRecord = { type: "login_logs"; at: string; data: { user: string; line: string; host: string } };

export type Collector<R> = {
  collect(): R[];
  /** Records past MAX_RECORDS in one call, cumulative. */
  readonly dropped: number;
  readonly lastError: unknown;
};

export type UtmpEntry = {
  type: number;
  pid: number;
  line: string;
  id: string;
  user: string;
  host: string;
  session: number;
  at: string;
  address: string | null;
};

/** The fs calls the readers use (node:fs by default; a fake in tests). */
export type CollectorFs = Pick<
  typeof import("node:fs"),
  "readdirSync" | "readFileSync" | "statSync" | "openSync" | "readSync" | "closeSync"
>;

export declare function parseProcNetTcp(text: string, family?: 4 | 6): TcpSocket[];
export declare function parseUtmp(buffer: Buffer): UtmpEntry[];
export declare function createNetworkCollector(options?: {
  readFile?: (path: string, encoding: "utf8") => string | Buffer;
  now?: () => Date;
}): Collector<NetworkRecord>;
export declare function createProcessCollector(options?: {
  procDir?: string;
  fs?: Pick<CollectorFs, "readdirSync" | "readFileSync">;
  now?: () => Date;
}): Collector<ProcessRecord>;
export declare function createLoginCollector(options?: {
  wtmpPath?: string;
  fs?: Pick<CollectorFs, "statSync" | "openSync" | "readSync" | "closeSync">;
}): Collector<LoginRecord>;
