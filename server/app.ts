import path from "node:path";

import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";

import { CLIENT_IP_HEADER } from "../app/lib/client-ip";
import { databaseIsUp } from "../app/lib/services.server";
import { log } from "../app/lib/log.server";
import { runInRequestScope } from "../app/lib/request-scope.server";
import "../app/load-context";
import { requestLog } from "./request-log";
import { limitMutations, rejectCrossSite } from "./protect";
import { cspNonce, noReferrerOnTokenPages, noStoreWhenSignedIn, securityHeaders } from "./security";

export interface AppOptions {
  build: ServerBuild;
  production: boolean;
  trustProxy: boolean;
  /** Directory holding build/ client assets (public/). */
  publicDir?: string;
}

/** The Express app in front of Remix: headers, logs, health, static files. */
export function createApp({ build, production, trustProxy, publicDir = "public" }: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy ? 1 : false);

  // Everything below runs inside the request's scope (see oncePerRequest).
  app.use((_req, _res, next) => runInRequestScope(next));
  app.use(requestLog);
  // Routes read the client address from this header; a client-sent copy is
  // replaced, so it cannot be spoofed past the trusted-proxy setting.
  app.use((req, _res, next) => {
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
  app.use(compression());
  app.use(cspNonce);
  app.use(securityHeaders({ production }));
  app.use(noReferrerOnTokenPages);

  app.get("/healthz", async (_req, res) => {
    const up = await databaseIsUp();
    res.setHeader("Cache-Control", "no-store");
    res.status(up ? 200 : 503).json({ status: up ? "ok" : "degraded", db: up ? "ok" : "down" });
  });

  // Fingerprinted assets can be cached for a year; everything else briefly.
  app.use(rejectCrossSite);
  app.use(limitMutations);

  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  // Other public files all have an extension; page paths never do, so they
  // skip the file-system lookup.
  const publicFiles = express.static(publicDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use(noStoreWhenSignedIn);

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext(req, res): AppLoadContext {
        return {
          cspNonce: res.locals.cspNonce as string,
          requestId: res.locals.requestId as string,
          clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        };
      },
    }),
  );

  // Last resort: an error that escaped Remix is logged and answered without
  // leaking a stack trace.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    void next;
    log.error("unhandled server error", {
      requestId: res.locals.requestId,
      path: req.path,
      error: error instanceof Error ? error.message : String(error),
    });
    if (!res.headersSent) res.status(500).type("text/plain").send("Internal Server Error");
  });

  return app;
}
