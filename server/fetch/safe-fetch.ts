/**
 * Server-side fetching of a web page for import, hardened against SSRF
 * (server-side request forgery): the reviewer names the URL, our server
 * makes the request, so every request is checked as if an attacker chose it.
 *
 * - http/https only; ports 80/443 unless a port is configured;
 * - the host is resolved once and EVERY address checked (address-policy.ts);
 *   the socket then connects to the checked address (pinned lookup), so a
 *   second DNS answer cannot rebind it to an internal one;
 * - redirects are followed by hand, each hop checked again, at most 5;
 * - one deadline for the whole fetch, a byte cap while streaming (also after
 *   decompression), an allowlist of content types, charset decoding.
 * Named hosts can be allowed (tests serve fixtures on 127.0.0.1); that is
 * off unless IMPORT_ALLOW_HOSTS says otherwise.
 */
import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import zlib from "node:zlib";
import { AppError } from "@/lib/errors";
import { decodeBody } from "./charset";
import { checkAddress, isIpLiteral } from "./address-policy";
import { isAllowedHost, type FetchPolicy } from "./fetch-policy";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;
export type FetchDeps = {
  resolve?: Resolver;
  /** Observes each connection attempt (tests assert that refused URLs never get here). */
  onConnect?: (url: URL, address: ResolvedAddress) => void;
};

export type FetchedPage = {
  /** The URL after redirects. */
  url: string;
  /** Media type without parameters, e.g. text/html (or one of the policy's extra types). */
  contentType: "text/html" | "application/xhtml+xml" | "text/plain" | (string & {});
  text: string;
  /** The body as received (after decompression), for binary types such as PDF. */
  body: Buffer;
  charset: string;
  bytes: number;
  redirects: string[];
};

const ACCEPTED_TYPES = ["text/html", "application/xhtml+xml", "text/plain"] as const;

const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const refuse = (code: string, message: string) => new AppError(`invalid:${code}`, message);

/** The site answered with an error status: the status itself, for callers that record it (the source archive). */
export class FetchStatusError extends AppError {
  constructor(readonly httpStatus: number) {
    super("invalid:fetch-status", `The site answered ${httpStatus}${httpStatus === 404 ? " (page not found)" : ""}. Check the URL.`);
  }
}

/** Checks a URL before any connection and returns the address to connect to. */
export async function checkTarget(url: URL, policy: FetchPolicy, resolve: Resolver): Promise<ResolvedAddress> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refuse("fetch-scheme", `Only http:// and https:// addresses can be imported, not ${url.protocol.replace(/:$/, "")}:.`);
  }
  if (url.username || url.password) throw refuse("fetch-credentials", "Addresses with a user name or password cannot be imported.");
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const allowed = isAllowedHost(policy, url.hostname, port);
  if (!allowed && !policy.allowPorts.includes(port)) {
    throw refuse("fetch-port", `Port ${port} is not allowed for imports (only ${policy.allowPorts.join(" and ")}).`);
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (isIpLiteral(hostname)) addresses = [{ address: hostname, family: hostname.includes(":") ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(hostname);
    } catch {
      throw refuse("fetch-dns", `The address ${url.hostname} could not be found. Check the spelling of the URL.`);
    }
    if (addresses.length === 0) throw refuse("fetch-dns", `The address ${url.hostname} could not be found.`);
  }
  if (allowed) return addresses[0]!;
  // Every answer must be public: a name that also resolves to an internal address is refused outright.
  const checked = addresses.map((a) => {
    const verdict = checkAddress(a.address);
    if (!verdict.ok) throw new AppError("forbidden:fetch-address", `${url.hostname} points to ${verdict.reason}, which cannot be imported from.`);
    return { address: verdict.address, family: verdict.family };
  });
  // Dial the spelling that was judged (a mapped ::ffff:a.b.c.d answer becomes a.b.c.d).
  return checked[0]!;
}

/** Fetches `input` under `policy`; throws AppError with a message for the reviewer on any refusal or failure. */
export async function safeFetch(input: string, policy: FetchPolicy, deps: FetchDeps = {}): Promise<FetchedPage> {
  const resolve = deps.resolve ?? systemResolver;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw refuse("fetch-url", "That is not a complete web address. It should start with https://.");
  }
  const deadline = Date.now() + policy.timeoutMs;
  const redirects: string[] = [];
  for (;;) {
    const address = await checkTarget(url, policy, resolve);
    deps.onConnect?.(url, address);
    const response = await request(url, address, policy, deadline);
    if (response.status >= 300 && response.status < 400 && response.location !== undefined) {
      if (redirects.length >= policy.maxRedirects) {
        throw refuse("fetch-redirect", `The page redirected more than ${policy.maxRedirects} times (a redirect loop?).`);
      }
      redirects.push(url.toString());
      try {
        url = new URL(response.location, url);
      } catch {
        throw refuse("fetch-redirect", "The page redirected to an invalid address.");
      }
      continue;
    }
    if (response.status < 200 || response.status >= 300) {
      throw new FetchStatusError(response.status);
    }
    const { contentType, charset } = response;
    const decoded = decodeBody(response.body, contentType, charset);
    return { url: url.toString(), contentType, text: decoded.text, body: response.body, charset: decoded.charset, bytes: response.body.length, redirects };
  }
}

type RawResponse =
  | { status: number; location: string; body: Buffer; contentType: never; charset: never }
  | { status: number; location?: undefined; body: Buffer; contentType: FetchedPage["contentType"]; charset: string | null };

function request(url: URL, address: ResolvedAddress, policy: FetchPolicy, deadline: number): Promise<RawResponse> {
  return new Promise<RawResponse>((resolvePromise, reject) => {
    // Connect to the address we checked, whatever DNS would say now (node calls lookup only for names).
    const pinned: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [address]);
      else callback(null, address.address, address.family);
    };
    const transport = url.protocol === "https:" ? https : http;
    const req = transport.request(url, {
      method: "GET",
      lookup: pinned,
      headers: {
        "user-agent": "Factdesk article import (+fact-checking desk)",
        accept: ["text/html,application/xhtml+xml,text/plain;q=0.9", ...(policy.extraTypes ?? []).map((t) => `${t};q=0.8`)].join(","),
        "accept-encoding": "gzip, deflate, br",
      },
      // A server that accepts the connection but never answers is cut off at the deadline too.
      timeout: Math.max(1, deadline - Date.now()),
    });
    const timer = setTimeout(() => fail(refuse("fetch-timeout", `The site did not send the page within ${Math.round(policy.timeoutMs / 1000)} seconds.`)), Math.max(1, deadline - Date.now()));
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    req.on("timeout", () => fail(refuse("fetch-timeout", `The site did not send the page within ${Math.round(policy.timeoutMs / 1000)} seconds.`)));
    req.on("error", (error) => fail(isAppErrorLike(error) ? error : refuse("fetch-network", `The site could not be reached (${(error as NodeJS.ErrnoException).code ?? "network error"}).`)));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location !== undefined) {
        res.resume();
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolvePromise({ status, location, body: Buffer.alloc(0) } as RawResponse);
        return;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolvePromise({ status, body: Buffer.alloc(0), contentType: "text/plain", charset: null });
        return;
      }
      const [type, ...params] = (res.headers["content-type"] ?? "").split(";").map((p) => p.trim());
      const mediaType = (type ?? "").toLowerCase();
      if (!(ACCEPTED_TYPES as readonly string[]).includes(mediaType) && !policy.extraTypes?.includes(mediaType)) {
        return fail(refuse("fetch-type", `The address returned ${mediaType || "content without a type"}, not a web page or plain text. Link to the article page itself.`));
      }
      const charset = params.map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1]).find(Boolean) ?? null;
      const declared = Number(res.headers["content-length"]);
      const tooBig = () => refuse("fetch-size", `The page is larger than ${Math.round(policy.maxBytes / 1024 / 1024)} MB, the import limit.`);
      if (Number.isFinite(declared) && declared > policy.maxBytes) return fail(tooBig());
      const stream = decompress(res, res.headers["content-encoding"]);
      if (!stream) return fail(refuse("fetch-encoding", "The site sent the page in an encoding Factdesk cannot read."));
      const chunks: Buffer[] = [];
      let received = 0;
      stream.on("data", (chunk: Buffer) => {
        received += chunk.length;
        // Counted after decompression: a small compressed body cannot expand past the cap.
        if (received > policy.maxBytes) return fail(tooBig());
        chunks.push(chunk);
      });
      stream.on("error", () => fail(refuse("fetch-network", "The connection broke while the page was downloading. Try again.")));
      stream.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolvePromise({ status, body: Buffer.concat(chunks), contentType: mediaType as FetchedPage["contentType"], charset });
      });
    });
    req.end();
  });
}

function decompress(res: http.IncomingMessage, encoding: string | undefined): NodeJS.ReadableStream | null {
  const enc = (encoding ?? "identity").trim().toLowerCase();
  if (enc === "identity" || enc === "") return res;
  if (enc === "gzip" || enc === "x-gzip") return res.pipe(zlib.createGunzip());
  if (enc === "deflate") return res.pipe(zlib.createInflate());
  if (enc === "br") return res.pipe(zlib.createBrotliDecompress());
  return null;
}

const isAppErrorLike = (e: unknown): e is AppError => e instanceof AppError;
