import { randomUUID } from "node:crypto";

import type { NextFunction, Request, Response } from "express";

import { log } from "../app/lib/log.server";
import { TOKEN_PATH } from "./security";

const VALID_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (a sane incoming X-Request-Id is kept, so a proxy's
 * id follows the request) and logs one JSON line when the response finishes.
 * Only the path is logged, never the query string: tokens travel there.
 */
export function requestLog(req: Request, res: Response, next: NextFunction) {
  const incoming = req.get("x-request-id");
  const requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const status = res.statusCode;
    const fields = {
      requestId,
      method: req.method,
      path: redactPath(req.path),
      status,
      ms: Math.round(ms * 10) / 10,
      bytes: Number(res.getHeader("content-length") ?? 0) || undefined,
    };
    if (status >= 500) log.error("request", fields);
    else if (req.path.startsWith("/build/") || req.path === "/healthz") log.debug("request", fields);
    else log.info("request", fields);
  });
  next();
}

/** Token-bearing paths (/sign-in/<token>, /l/<token>, /approve/<token>) keep only their prefix. */
export function redactPath(path: string): string {
  return path.replace(TOKEN_PATH, "/$1/[token]");
}
