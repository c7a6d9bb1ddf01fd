import { contentDisposition } from "~/domain/support/attachments";

/**
 * A stored attachment served back: always as a download (never rendered in
 * the portal's origin), with the type we determined from its bytes, no
 * sniffing, no caching, and a sandboxing CSP should a browser open it anyway.
 */
export function attachmentResponse(file: { filename: string; contentType: string; data: Uint8Array }): Response {
  // A copy on its own ArrayBuffer: what the fetch Response accepts as a body.
  const body = Uint8Array.from(file.data);
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(body.byteLength),
      "Content-Disposition": contentDisposition(file.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
