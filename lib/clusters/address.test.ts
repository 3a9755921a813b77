// R2: a contact address is an IP address or a domain name — no scheme, port or path.
import { describe, expect, it } from "vitest";
import { classifyAddress, isIpAddressKind } from "./address";

const label63 = "a".repeat(63);
// 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters, the longest name DNS allows.
const domain253 = `${label63}.${label63}.${label63}.${"b".repeat(61)}`;

describe("classifyAddress: valid addresses", () => {
  it.each([
    // IPv4
    ["1.2.3.4", "ipv4", "1.2.3.4"],
    ["0.0.0.0", "ipv4", "0.0.0.0"],
    ["255.255.255.255", "ipv4", "255.255.255.255"],
    ["10.0.0.1", "ipv4", "10.0.0.1"],
    ["  192.168.1.10  ", "ipv4", "192.168.1.10"],
    // IPv6, full, compressed, embedded IPv4; normalised to lower case
    ["::1", "ipv6", "::1"],
    ["::", "ipv6", "::"],
    ["2001:db8::1", "ipv6", "2001:db8::1"],
    ["2001:DB8::ABCD", "ipv6", "2001:db8::abcd"],
    ["2001:0db8:0000:0000:0000:ff00:0042:8329", "ipv6", "2001:0db8:0000:0000:0000:ff00:0042:8329"],
    ["fe80::", "ipv6", "fe80::"],
    ["1:2:3:4:5:6:7::", "ipv6", "1:2:3:4:5:6:7::"],
    ["::2:3:4:5:6:7:8", "ipv6", "::2:3:4:5:6:7:8"],
    ["::ffff:1.2.3.4", "ipv6", "::ffff:1.2.3.4"],
    ["64:ff9b::192.0.2.33", "ipv6", "64:ff9b::192.0.2.33"],
    ["1:2:3:4:5:6:1.2.3.4", "ipv6", "1:2:3:4:5:6:1.2.3.4"],
    // domains: trailing dot dropped, lower-cased, punycode, digits, hyphens inside labels
    ["example.com", "domain", "example.com"],
    ["proxy.internal.example.com", "domain", "proxy.internal.example.com"],
    ["Proxy.Example.COM", "domain", "proxy.example.com"],
    ["example.com.", "domain", "example.com"],
    ["xn--bcher-kva.example", "domain", "xn--bcher-kva.example"],
    ["a-b.c-d.example", "domain", "a-b.c-d.example"],
    ["123.example.com", "domain", "123.example.com"],
    ["lb-01.idc", "domain", "lb-01.idc"],
    [`${label63}.com`, "domain", `${label63}.com`],
    [domain253, "domain", domain253],
    [`${domain253}.`, "domain", domain253],
    ["  example.com  ", "domain", "example.com"],
  ])("%s → %s", (input, kind, normalized) => {
    expect(classifyAddress(input)).toEqual({ ok: true, kind, normalized });
  });
});

describe("classifyAddress: refused addresses, with the reason shown to the operator", () => {
  it.each([
    // scheme
    ["https://a.com", "addressScheme"],
    ["http://1.2.3.4", "addressScheme"],
    ["HTTPS://A.COM", "addressScheme"],
    ["ftp://files.example.com", "addressScheme"],
    // port
    ["a.com:8080", "addressPort"],
    ["1.2.3.4:80", "addressPort"],
    ["[::1]:80", "addressPort"],
    ["[2001:db8::1]:443", "addressPort"],
    // path, query, fragment
    ["a.com/x", "addressPath"],
    ["a.com/", "addressPath"],
    ["a.com?x=1", "addressPath"],
    ["a.com#top", "addressPath"],
    ["10.0.0.0/8", "addressPath"],
    // not an address at all
    ["", "addressInvalid"],
    ["   ", "addressInvalid"],
    ["256.1.1.1", "addressInvalid"],
    ["1.2.3", "addressInvalid"],
    ["1.2.3.4.5", "addressInvalid"],
    ["01.2.3.4", "addressInvalid"],
    ["1.2.3.999", "addressInvalid"],
    ["example.123", "addressInvalid"],
    ["-a.com", "addressInvalid"],
    ["a-.com", "addressInvalid"],
    ["a..com", "addressInvalid"],
    [".a.com", "addressInvalid"],
    ["a.com..", "addressInvalid"],
    ["localhost", "addressInvalid"], // a single label: not a name clients elsewhere can resolve
    ["under_score.example.com", "addressInvalid"],
    ["bücher.example", "addressInvalid"], // IDNs must be given in punycode
    ["a b.com", "addressInvalid"],
    ["user@example.com", "addressInvalid"],
    [`${"a".repeat(64)}.com`, "addressInvalid"],
    [`${domain253}a`, "addressInvalid"],
    ["[::1]", "addressInvalid"],
    ["1::2::3", "addressInvalid"],
    ["1:2:3:4:5:6:7", "addressInvalid"],
    ["1:2:3:4:5:6:7:8:9", "addressInvalid"],
    ["1:2:3:4:5:6:7:8::", "addressInvalid"],
    ["12345::1", "addressInvalid"],
    ["g::1", "addressInvalid"],
    ["::ffff:1.2.3", "addressInvalid"],
    ["::ffff:256.1.1.1", "addressInvalid"],
    ["fe80::1%eth0", "addressInvalid"],
    ["a.com:", "addressInvalid"],
    ["a.com:http", "addressInvalid"],
  ])("%j → %s", (input, problem) => {
    expect(classifyAddress(input)).toEqual({ ok: false, problem });
  });
});

describe("isIpAddressKind (R4: an IP-address cluster holds one proxy)", () => {
  it.each([
    ["ipv4", true],
    ["ipv6", true],
    ["domain", false],
  ] as const)("%s → %s", (kind, expected) => {
    expect(isIpAddressKind(kind)).toBe(expected);
  });
});
