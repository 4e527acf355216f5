import { describe, expect, it } from "vitest";
import { resolveClientAddress, UNKNOWN_ADDRESS } from "@/lib/auth/client-ip";
import { trustProxySchema, type TrustProxy } from "@/lib/config";

const trust = (value?: string): TrustProxy => trustProxySchema.parse(value);
const forgedChains = [
  "1.2.3.4",
  "1.2.3.4, 5.6.7.8",
  "127.0.0.1",
  "::1",
  "not-an-ip",
  "",
  " , ,",
  "x".repeat(10_000),
  Array.from({ length: 5000 }, (_, i) => `10.0.${i % 250}.1`).join(","),
];

describe("client address without a trusted proxy", () => {
  it("is the socket's address whatever X-Forwarded-For says", () => {
    for (const forwardedFor of forgedChains) {
      expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor, trust: trust() })).toBe("203.0.113.9");
      expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor, trust: trust("0") })).toBe(
        "203.0.113.9",
      );
    }
  });

  it("is one shared bucket when the socket is unknown (next dev), never the client's header", () => {
    for (const forwardedFor of forgedChains)
      expect(resolveClientAddress({ peer: null, forwardedFor, trust: trust() })).toBe(UNKNOWN_ADDRESS);
  });

  it("writes IPv4-mapped IPv6 sockets as IPv4", () => {
    expect(resolveClientAddress({ peer: "::ffff:127.0.9.1", forwardedFor: null, trust: trust() })).toBe(
      "127.0.9.1",
    );
  });
});

describe("client address behind TRUST_PROXY=<n> proxies", () => {
  it("1: the right-most hop, the one the proxy appended; forged hops to its left are ignored", () => {
    expect(
      resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7", trust: trust("1") }),
    ).toBe("198.51.100.7");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.7", trust: trust("1") })).toBe(
      "198.51.100.7",
    );
  });

  it("2: the second hop from the right", () => {
    expect(
      resolveClientAddress({
        peer: "10.0.0.2",
        forwardedFor: "6.6.6.6, 198.51.100.7, 10.0.0.1",
        trust: trust("2"),
      }),
    ).toBe("198.51.100.7");
  });

  it("a garbage hop stops the walk: the proxy-appended address stays", () => {
    expect(
      resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "<script>, 198.51.100.7", trust: trust("1") }),
    ).toBe("198.51.100.7");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, evil", trust: trust("1") })).toBe(
      "10.0.0.2",
    );
  });

  it("without X-Forwarded-For (a client that bypassed the proxy) the socket", () => {
    expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor: null, trust: trust("1") })).toBe(
      "203.0.113.9",
    );
  });

  it("under next dev (socket unknown) the right-most hop", () => {
    expect(
      resolveClientAddress({ peer: null, forwardedFor: "6.6.6.6, 198.51.100.7", trust: trust("1") }),
    ).toBe("198.51.100.7");
  });
});

describe("client address behind a list of trusted proxies (CIDR)", () => {
  const cidrs = trust("10.0.0.0/8, 192.168.1.10, fd00::/8");

  it("skips trusted proxies from the right and takes the first address that is not one", () => {
    expect(
      resolveClientAddress({
        peer: "10.0.0.2",
        forwardedFor: "6.6.6.6, 198.51.100.7, 192.168.1.10",
        trust: cidrs,
      }),
    ).toBe("198.51.100.7");
    expect(resolveClientAddress({ peer: "fd00::5", forwardedFor: "2001:db8::1", trust: cidrs })).toBe(
      "2001:db8:0:0::/64",
    );
  });

  it("ignores X-Forwarded-For from a socket that is not a trusted proxy", () => {
    expect(
      resolveClientAddress({ peer: "203.0.113.9", forwardedFor: "10.0.0.1, 1.2.3.4", trust: cidrs }),
    ).toBe("203.0.113.9");
  });

  it("when every hop is trusted, the left-most", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "10.1.1.1", trust: cidrs })).toBe(
      "10.1.1.1",
    );
  });
});

describe("TRUST_PROXY validation", () => {
  it("accepts hops and address lists, refuses anything else", () => {
    expect(trust(undefined)).toEqual({ kind: "none" });
    expect(trust("3")).toEqual({ kind: "hops", hops: 3 });
    expect(trust("10.0.0.0/8,::1")).toMatchObject({
      kind: "cidrs",
      cidrs: [
        { address: "10.0.0.0", prefix: 8, family: "ipv4" },
        { address: "::1", prefix: 128, family: "ipv6" },
      ],
    });
    for (const bad of [
      "yes",
      "true",
      "10.0.0.0/33",
      "10.0.0.0/8/1",
      "::1/129",
      "1.2.3",
      "11",
      "10.0.0.0/x",
    ]) {
      expect(trustProxySchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("one key per client", () => {
  const none = trust("");
  it("counts an IPv6 client by its /64: fresh addresses from one subscriber share one limit", () => {
    const keys = new Set(
      [
        "2001:db8:1:2::1",
        "2001:db8:1:2:ffff:ffff:ffff:ffff",
        "2001:0db8:0001:0002:abcd::9",
        "[2001:db8:1:2::7]:443",
      ].map((peer) => resolveClientAddress({ peer, forwardedFor: null, trust: none })),
    );
    expect([...keys]).toEqual(["2001:db8:1:2::/64"]);
    expect(resolveClientAddress({ peer: "2001:db8:1:3::1", forwardedFor: null, trust: none })).toBe(
      "2001:db8:1:3::/64",
    );
  });

  it("drops a port a proxy appended, so the chain is not cut and clients do not share the proxy's bucket", () => {
    expect(
      resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.7:5678", trust: trust("1") }),
    ).toBe("198.51.100.7");
  });
});
