// What a proxy's heartbeat answer says about TLS (issue 17 part 4): the cluster's port and
// "require TLS" setting and the current certificate's fingerprint every time; the certificate, its
// key and the console CA only when the proxy reports another fingerprint (first start, renewal).
// The answer goes over the proxy's authenticated channel, which is the only way the key travels.
import { log } from "@/lib/log";
import { clusterCertificate, type CertificateRow } from "./cluster-certificate";
import { consoleCa } from "./console-ca";
import { needsRenewal } from "./issue-certificate";

export type ClusterTlsState = {
  cluster_id: string;
  require_tls: boolean;
  tls_port: number;
  certificate: (Omit<CertificateRow, "notBefore" | "notAfter"> & { notBefore: string; notAfter: string }) | null;
};

export type ProxyTlsAnswer = {
  port: number;
  required: boolean;
  fingerprint: string;
  caFingerprint: string;
  notAfter: string;
  certificate?: string;
  key?: string;
  ca?: string;
};

export async function proxyTls(state: ClusterTlsState, reported: string | null, now: Date): Promise<ProxyTlsAnswer | null> {
  const known = state.certificate
    ? { ...state.certificate, notBefore: new Date(state.certificate.notBefore), notAfter: new Date(state.certificate.notAfter) }
    : null;
  // The common case, every heartbeat: the proxy serves the current certificate. No statement,
  // no unsealing.
  const ca = known && reported === known.fingerprint && !needsRenewal(known, now) ? await consoleCa().catch(() => null) : null;
  if (known && ca) {
    return {
      port: state.tls_port,
      required: state.require_tls,
      fingerprint: known.fingerprint,
      caFingerprint: ca.fingerprint,
      notAfter: known.notAfter.toISOString(),
    };
  }
  let served;
  try {
    served = await clusterCertificate(state.cluster_id, known, now);
  } catch (error) {
    // A console CA mismatch or a key that does not open: the proxy keeps what it serves, and the
    // operator reads why in the console's log.
    log.error({ clusterId: state.cluster_id, error: String((error as Error).message) }, "cluster certificate unavailable");
    return null;
  }
  if (!served) return null;
  const answer: ProxyTlsAnswer = {
    port: state.tls_port,
    required: state.require_tls,
    fingerprint: served.fingerprint,
    caFingerprint: served.caFingerprint,
    notAfter: served.notAfter.toISOString(),
  };
  if (reported === served.fingerprint) return answer;
  return { ...answer, certificate: served.certificate, key: served.key, ca: served.ca };
}
