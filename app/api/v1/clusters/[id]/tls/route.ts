// GET /api/v1/clusters/{id}/tls — TLS to agents: settings, certificate expiry, console CA fingerprint (issue 17)
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { route } from "@/lib/http/route";
import { clusterTls, clusterTlsSchema } from "@/lib/pki/cluster-tls";

export const GET = route(
  {
    role: "viewer",
    summary: "A cluster's TLS to agents",
    description:
      "Whether the proxies require TLS and on which port, the current cluster certificate and when it is renewed, the console CA's fingerprint agents pin, and how many online proxies serve the certificate.",
    params: clusterIdSchema,
    response: clusterTlsSchema,
    errors: ["NOT_FOUND"],
  },
  ({ params }) => clusterTls(params.id),
);
