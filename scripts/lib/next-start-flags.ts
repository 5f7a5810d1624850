/**
 * Flags every `next start` of Factdesk runs with (npm start, the demo, the e2e servers, the benchmarks).
 *
 * `--keepAliveTimeout 65000`: Node closes an idle keep-alive connection after 5 s by default, while a reverse
 * proxy keeps its upstream connections open longer (nginx 60 s, deploy/nginx.conf uses `keepalive`). A request
 * the proxy sends on a connection Node is closing at that moment fails (a 502, or ECONNRESET for an HTTP
 * client). Keeping idle connections a little longer than the proxy does leaves the closing to the proxy.
 */
export const NEXT_START_FLAGS = ["--keepAliveTimeout", "65000"];
