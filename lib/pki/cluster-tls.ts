// GET /api/v1/clusters/{id}/tls's answer (issue 17 part 4): the cluster's TLS settings, its
// current certificate, the console CA's fingerprint agents pin, and how many online proxies serve
// the current certificate. Reads only: the certificate is issued at a proxy's heartbeat.
import { z } from "zod";
import { offlineAfterSecondsAt } from "@/lib/liveness/clock";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/http/errors";
import { rowId, timestamp } from "@/lib/validation/response-fields";
import { consoleCa, displayFingerprint } from "./console-ca";

export const clusterTlsSchema = z
  .object({
    clusterId: rowId(),
    requireTls: z.boolean(),
    tlsPort: z.number().int(),
    caFingerprint: z.string().describe("SHA-256 of the console CA, AB:CD:… (compare with openssl x509 -fingerprint -sha256)."),
    certificate: z
      .object({
        fingerprint: z.string(),
        notBefore: timestamp(),
        notAfter: timestamp(),
        renewsAfter: timestamp().describe("Renewed at a proxy heartbeat once less than a third of its validity is left."),
      })
      .nullable()
      .describe("null until a proxy of the cluster first reports in."),
    onlineProxies: z.number().int(),
    servingProxies: z.number().int().describe("Online proxies serving the current certificate over TLS."),
  })
  .meta({ id: "ClusterTls" });
export type ClusterTlsDto = z.infer<typeof clusterTlsSchema>;

type Row = {
  require_tls: boolean;
  tls_port: number;
  fingerprint: string | null;
  not_before: Date | null;
  not_after: Date | null;
  online: number;
  serving: number;
};

export async function clusterTls(clusterId: string, now = new Date()): Promise<ClusterTlsDto> {
  const since = new Date(now.getTime() - offlineAfterSecondsAt(now) * 1000);
  const [row] = await queryRows<Row>(Prisma.sql`
    SELECT c.require_tls, c.tls_port, cc.fingerprint, cc.not_before, cc.not_after,
           (SELECT count(*)::int FROM proxy_server p
             WHERE p.cluster_id = c.id AND p.last_heartbeat_at >= ${since} AND p.stopped_at IS NULL) AS online,
           (SELECT count(*)::int FROM proxy_server p
             WHERE p.cluster_id = c.id AND p.last_heartbeat_at >= ${since} AND p.stopped_at IS NULL
               AND p.tls_fingerprint = cc.fingerprint) AS serving
      FROM proxy_cluster c
      LEFT JOIN LATERAL (SELECT fingerprint, not_before, not_after FROM cluster_certificate
                          WHERE cluster_id = c.id ORDER BY not_after DESC LIMIT 1) cc ON true
     WHERE c.id = ${clusterId}::uuid`);
  if (!row) throw notFound("Cluster", clusterId);
  const ca = await consoleCa();
  const certificate =
    row.fingerprint && row.not_before && row.not_after
      ? {
          fingerprint: displayFingerprint(row.fingerprint),
          notBefore: row.not_before.toISOString(),
          notAfter: row.not_after.toISOString(),
          renewsAfter: new Date(row.not_after.getTime() - (row.not_after.getTime() - row.not_before.getTime()) / 3).toISOString(),
        }
      : null;
  return {
    clusterId,
    requireTls: row.require_tls,
    tlsPort: row.tls_port,
    caFingerprint: displayFingerprint(ca.fingerprint),
    certificate,
    onlineProxies: row.online,
    servingProxies: row.serving,
  };
}
