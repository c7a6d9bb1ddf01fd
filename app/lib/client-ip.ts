/**
 * server/app.ts puts the client address (from the socket, or the trusted
 * proxy) on every request under this header and drops any copy the client
 * sent, so routes can read it without it being spoofable.
 */
export const CLIENT_IP_HEADER = "x-c365-client-ip";

export function clientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
