// GET /api/v1/agent/releases/{version} — a release package for a daemon's upgrade (issue 17),
// with an agent or proxy credential; the daemon checks digest and signature before it runs it.
import { z } from "zod";
import { route } from "@/lib/http/route";
import { notFound } from "@/lib/http/errors";
import { releasePackage } from "@/lib/releases/catalog";

const paramsSchema = z.strictObject({
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+([-.+][0-9A-Za-z.-]+)?$/)
    .max(32),
});

export const GET = route(
  {
    role: "agent",
    summary: "Download a proxy release package",
    description:
      "gzip of a JSON document { format, version, files }. Verify its SHA-256 and Ed25519 signature (from the upgrade task) against the install's release key before unpacking.",
    params: paramsSchema,
    media: { type: "application/gzip", description: "The package's bytes." },
    errors: ["NOT_FOUND"],
  },
  async ({ params }) => {
    const release = await releasePackage(params.version);
    if (!release) throw notFound("Release", params.version);
    return new Response(new Uint8Array(release.package), {
      headers: {
        "content-type": "application/gzip",
        "content-length": String(release.size),
        "x-release-digest": release.digest,
        "cache-control": "no-store",
      },
    });
  },
);
