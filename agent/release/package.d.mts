// Types of package.mjs for the TypeScript callers (the console publishes with it).
export declare const PACKAGE_FORMAT: 1;
export declare class ReleaseRefused extends Error {
  reason: string;
  constructor(reason: string);
}
export type ReleaseFile = { path: string; mode: number; content: Buffer };
export declare function sha256Hex(bytes: Buffer | string): string;
export declare function releaseStatement(version: string, digest: string): string;
export declare function isReleaseVersion(version: unknown): version is string;
export declare function packRelease(release: {
  version: string;
  files: { path: string; mode?: number; content: Buffer | string }[];
}): Buffer;
export declare function verifyRelease(input: {
  bytes: Buffer;
  version: string;
  digest: string;
  signature: string;
  size?: number;
  publicKey: string;
}): { version: string; files: ReleaseFile[] };
export declare function unpackRelease(bytes: Buffer, expectedVersion?: string): { version: string; files: ReleaseFile[] };
