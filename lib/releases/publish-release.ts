// Publishes a release (issue 17): `npm run admin -- publish-release --version X.Y.Z`, the demo
// seed, npm start's first release, and the tests all come through here. A version is published
// once; the newest published is what Upgrade installs (R10).
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { isReleaseVersion } from "@/agent/release/package.mjs";
import { buildRelease } from "./build-package";

export type PublishOptions = {
  version: string;
  notes?: string;
  publishedBy: string;
  /** Folder to package (agent/ of the working tree by default). */
  agentDir?: string;
  /** When it counts as published (the seed and tests order their releases); now by default. */
  publishedAt?: Date;
};

export async function publishRelease(options: PublishOptions) {
  if (!isReleaseVersion(options.version))
    throw new AppError("VALIDATION_FAILED", `"${options.version}" is not a release version (X.Y.Z).`);
  const built = await buildRelease(options.version, options.agentDir);
  try {
    const row = await db().proxyRelease.create({
      data: {
        version: built.version,
        releasedAt: options.publishedAt ?? new Date(),
        notes: options.notes ?? "",
        package: new Uint8Array(built.package),
        digest: built.digest,
        signature: built.signature,
        size: built.size,
        publishedBy: options.publishedBy,
      },
      select: { version: true, releasedAt: true, digest: true, size: true },
    });
    return { version: row.version, publishedAt: row.releasedAt.toISOString(), digest: row.digest, size: row.size };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("RELEASE_EXISTS", `Release ${options.version} is already published; publish a new version.`);
    throw error;
  }
}

/** Publishes `version` unless it exists (the seed runs twice). True when it was published now. */
export async function publishReleaseOnce(options: PublishOptions): Promise<boolean> {
  if (await db().proxyRelease.findUnique({ where: { version: options.version }, select: { version: true } })) return false;
  try {
    await publishRelease(options);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "RELEASE_EXISTS") return false;
    throw error;
  }
}
