import type { IncomingMessage } from "node:http";
import net from "node:net";
import { getConfig, type TrustProxy } from "../config";

/**
 * The client's address, for the per-address sign-in limit and the audit log.
 *
 * Only the process that owns the socket knows the peer's address: the production server
 * (scripts/production-server.ts) writes it into SOCKET_ADDRESS_HEADER after deleting any copy the
 * client sent, and marks the process so the header is believed. Without that server (`next dev`)
 * the header is ignored, since a client could send it. X-Forwarded-For is read only with
 * TRUST_PROXY, and then only the hops the trusted proxies appended.
 */
export const SOCKET_ADDRESS_HEADER = "x-pressroom-socket-address";
/** The address when the peer is not known (next dev without TRUST_PROXY): one bucket for every client. */
export const UNKNOWN_ADDRESS = "unknown";

const STAMPED = Symbol.for("pressroom.socketAddressStamped");
type Marked = typeof globalThis & { [STAMPED]?: boolean };

/** Called by the production server for every request, before Next sees it. */
export function stampSocketAddress(req: IncomingMessage) {
  (globalThis as Marked)[STAMPED] = true;
  // Overwrites whatever a client sent under this name.
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? UNKNOWN_ADDRESS;
}

/** An address as written by a socket or a proxy: ports (some proxies append them) dropped, IPv4-mapped as IPv4. */
function normalise(address: string): string | null {
  const bare = address
    .trim()
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1")
    .replace(/^\[(.*)\](?::\d+)?$/, "$1");
  if (!net.isIP(bare)) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? mapped[1] : bare.toLowerCase();
}

/**
 * The key limits count by: the address, except that IPv6 counts by its /64, since one subscriber
 * usually holds a whole /64 and could otherwise take a fresh address for every try.
 */
function clientKey(address: string): string {
  return net.isIPv6(address) ? `${expandIPv6(address).slice(0, 4).join(":")}::/64` : address;
}

function expandIPv6(address: string): string[] {
  const [head, tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::1.2.3.4) is two groups; only the first four groups matter here.
  const missing = 8 - left.length - right.length;
  const groups = address.includes("::")
    ? [...left, ...Array(Math.max(0, missing)).fill("0"), ...right]
    : left;
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}

function blockList(cidrs: Extract<TrustProxy, { kind: "cidrs" }>["cidrs"]) {
  const list = new net.BlockList();
  for (const c of cidrs) list.addSubnet(c.address, c.prefix, c.family);
  return list;
}

const lists = new WeakMap<object, net.BlockList>();

/**
 * The pure decision. `peer` is the socket's address (null when unknown); `forwardedFor` the raw
 * X-Forwarded-For. Hops are read from the right, where the nearest proxy appended its peer.
 */
export function resolveClientAddress(input: {
  peer: string | null;
  forwardedFor: string | null;
  trust: TrustProxy;
}): string {
  const address = trustedAddress(input);
  return address === UNKNOWN_ADDRESS ? address : clientKey(address);
}

function trustedAddress(input: {
  peer: string | null;
  forwardedFor: string | null;
  trust: TrustProxy;
}): string {
  const peer = input.peer === null ? null : normalise(input.peer);
  if (input.trust.kind === "none") return peer ?? UNKNOWN_ADDRESS;
  // Nearest first: the socket, then X-Forwarded-For from its right end. A hop that is not an
  // address (garbage a client put in) ends the chain: nothing left of it can be believed.
  const hops = (input.forwardedFor ?? "").split(",").slice(-64).reverse();
  const chain: string[] = peer ? [peer] : [];
  for (const hop of hops) {
    const address = normalise(hop);
    if (!address) break;
    chain.push(address);
  }
  if (!chain.length) return UNKNOWN_ADDRESS;
  if (input.trust.kind === "hops") {
    // With the socket known, the socket is the nearest proxy; without it (next dev), Next put the
    // socket at the right end of X-Forwarded-For only when the header was absent.
    const index = peer ? input.trust.hops : input.trust.hops - 1;
    return chain[Math.min(Math.max(index, 0), chain.length - 1)];
  }
  let list = lists.get(input.trust);
  if (!list) lists.set(input.trust, (list = blockList(input.trust.cidrs)));
  const trusted = list;
  const first = chain.find((address) => !trusted.check(address, net.isIPv6(address) ? "ipv6" : "ipv4"));
  return first ?? chain[chain.length - 1];
}

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => {
    const raw = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(raw) ? raw.join(",") : (raw ?? null);
  };
  const peer = (globalThis as Marked)[STAMPED] ? get(SOCKET_ADDRESS_HEADER) : null;
  return resolveClientAddress({ peer, forwardedFor: get("x-forwarded-for"), trust: getConfig().TRUST_PROXY });
}
