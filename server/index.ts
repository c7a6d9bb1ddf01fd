/**
 * The production entry point: remix.config.js compiles this file together
 * with the app into build/server.js, so the server and the routes share one
 * set of services (database pool, clock, job queue).
 */
import type { Server } from "node:http";

import * as build from "@remix-run/dev/server-build";
import type { ServerBuild } from "@remix-run/node";

import { env, EnvError } from "../app/lib/env.server";
import { errorFields, log } from "../app/lib/log.server";
import { startServices, stopServices } from "../app/lib/services.server";
import { createApp } from "./app";

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`Customer365 cannot start.\n${error.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw error;
  }

  await startServices(config);
  const app = createApp({
    build: build as unknown as ServerBuild,
    production: config.NODE_ENV === "production",
    trustProxy: config.TRUST_PROXY === "true",
  });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    log.info("listening", { url: `http://localhost:${config.PORT}`, env: config.NODE_ENV });
  });
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    // Stop taking connections, let in-flight requests finish (10 s at most).
    const force = setTimeout(() => {
      log.warn("forced shutdown after timeout");
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(() => {
      stopServices()
        .catch((error: unknown) => log.error("error while stopping services", errorFields(error)))
        .finally(() => {
          log.info("stopped");
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Customer365 could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
