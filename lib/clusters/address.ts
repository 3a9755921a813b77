// R2: a contact address is an IPv4/IPv6 address or a domain name — no scheme, port or path.
// Pure, shared by the server schema and the create form.

export type AddressKind = "ipv4" | "ipv6" | "domain";
export type AddressProblem = "addressScheme" | "addressPort" | "addressPath" | "addressInvalid";
export type AddressCheck = { ok: true; kind: AddressKind; normalized: string } | { ok: false; problem: AddressProblem };

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/;

export function isIpv4(value: string): boolean {
  return IPV4.test(value);
}

export function isIpv6(value: string): boolean {
  const v = value.toLowerCase();
  if (v.length > 45 || !v.includes(":")) return false;
  let head = v;
  const lastColon = v.lastIndexOf(":");
  const tail = v.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (!isIpv4(tail)) return false;
    head = v.slice(0, lastColon + 1) + "0:0";
  }
  const doubleColons = head.split("::").length - 1;
  if (doubleColons > 1) return false;
  if (doubleColons === 1) {
    const [left = "", right = ""] = head.split("::");
    const groups = [...(left ? left.split(":") : []), ...(right ? right.split(":") : [])];
    return groups.length <= 7 && groups.every((g) => HEX_GROUP.test(g));
  }
  const groups = head.split(":");
  return groups.length === 8 && groups.every((g) => HEX_GROUP.test(g));
}

export function isDomain(value: string): boolean {
  const v = value.toLowerCase().replace(/\.$/, "");
  if (v.length === 0 || v.length > 253) return false;
  const labels = v.split(".");
  if (labels.length < 2) return false;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return false; // 1.2.3.999 is a bad IP, not a domain
  return labels.every((l) => LABEL.test(l));
}

export function classifyAddress(input: string): AddressCheck {
  const value = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return { ok: false, problem: "addressScheme" };
  if (value.includes("/") || value.includes("?") || value.includes("#")) return { ok: false, problem: "addressPath" };
  if (isIpv4(value)) return { ok: true, kind: "ipv4", normalized: value };
  if (isIpv6(value)) return { ok: true, kind: "ipv6", normalized: value.toLowerCase() };
  if (/^\[.*\](:\d+)?$/.test(value)) return { ok: false, problem: /\]:\d+$/.test(value) ? "addressPort" : "addressInvalid" };
  if (/^[^:]+:\d+$/.test(value)) return { ok: false, problem: "addressPort" };
  if (isDomain(value)) return { ok: true, kind: "domain", normalized: value.toLowerCase().replace(/\.$/, "") };
  return { ok: false, problem: "addressInvalid" };
}

/** R4: an IP-address cluster holds at most one proxy server. */
export function isIpAddressKind(kind: AddressKind): boolean {
  return kind === "ipv4" || kind === "ipv6";
}
