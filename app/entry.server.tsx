import { EventEmitter } from "node:events";
import type { Writable } from "node:stream";

import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";

import { getLocale, i18nFor } from "~/lib/i18n/i18n.server";
import { NonceProvider } from "~/lib/nonce";

export const streamTimeout = 5_000;

/**
 * Renders the whole document before sending it (onAllReady) for browsers and
 * bots alike: pages here are small, and a complete document keeps status codes
 * and headers honest.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const locale = await getLocale(request);
  const i18n = i18nFor(locale);
  const nonce = loadContext.cspNonce ?? "";

  return new Promise<Response>((resolve, reject) => {
    let didError = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          // Everything is rendered by now: collect it and answer with one
          // body, which costs far fewer writes than streaming it in pieces.
          const sink = new CollectingSink((body) => {
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            // The language comes from the cookie or Accept-Language.
            responseHeaders.append("Vary", "Accept-Language, Cookie");
            resolve(new Response(body, { headers: responseHeaders, status: didError ? 500 : responseStatusCode }));
          });
          pipe(sink as unknown as Writable);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          didError = true;
          if (!request.signal.aborted) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/**
 * Where React writes a finished document: it only needs write, end and the
 * events it listens for. A stream.Writable would add its buffering and a
 * callback per write, for each of the dozens of 2 kB pieces of a page.
 */
class CollectingSink extends EventEmitter {
  private readonly chunks: Uint8Array[] = [];
  private bytes = 0;

  constructor(private readonly onEnd: (body: Buffer<ArrayBuffer>) => void) {
    super();
  }

  write(chunk: Uint8Array | string): boolean {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    this.chunks.push(bytes);
    this.bytes += bytes.byteLength;
    return true;
  }

  end(): void {
    this.onEnd(Buffer.concat(this.chunks, this.bytes));
  }

  destroy(): void {
    this.chunks.length = 0;
  }
}

/** Errors thrown by loaders and actions; aborted requests are not errors. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(
    JSON.stringify({
      level: "error",
      msg: "unhandled route error",
      method: request.method,
      path: new URL(request.url).pathname,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    }),
  );
}
