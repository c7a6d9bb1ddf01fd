import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { measureAgainstBaseline, type LoadOptions } from "../../bench/lib/load";

let server: Server;
let baseUrl: string;
/** Which path each request asked for, in order of arrival. */
const arrivals: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    arrivals.push(request.url ?? "");
    response.statusCode = request.url === "/missing" ? 404 : 200;
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const load = (path: string, expectStatus = 200): LoadOptions => ({
  name: path,
  url: `${baseUrl}${path}`,
  path,
  expectStatus,
  headers: {},
  connections: 2,
  warmupSeconds: 0,
  durationSeconds: 2,
  sampleRss: () => 1024,
});

describe("measuring a target beside the baseline", () => {
  it("alternates slices of the baseline and the target, and keeps their figures apart", async () => {
    arrivals.length = 0;
    const measurement = await measureAgainstBaseline(load("/target"), load("/"), 2);

    // Two one-second baseline slices, each followed by a target slice.
    const runs = arrivals.reduce<string[]>((changes, path) => (changes.at(-1) === path ? changes : [...changes, path]), []);
    expect(runs).toEqual(["/", "/target", "/", "/target"]);

    // Each side counts its own answers (a request or two per connection may
    // still be in flight when a slice ends, and is not counted).
    const served = measurement.statuses["200"] ?? 0;
    const targetArrivals = arrivals.filter((path) => path === "/target").length;
    expect(served).toBeGreaterThan(0);
    expect(targetArrivals - served).toBeGreaterThanOrEqual(0);
    expect(targetArrivals - served).toBeLessThanOrEqual(2 * 2 * 2);
    expect(measurement.latenciesMs).toHaveLength(served);
    const baselineServed = measurement.pairedBaseline?.served ?? 0;
    const baselineArrivals = arrivals.filter((path) => path === "/").length;
    expect(baselineServed).toBeGreaterThan(0);
    expect(baselineArrivals - baselineServed).toBeGreaterThanOrEqual(0);
    expect(baselineArrivals - baselineServed).toBeLessThanOrEqual(2 * 2 * 2);
    expect(measurement.seconds).toBeGreaterThan(1.8);
    expect(measurement.pairedBaseline?.seconds).toBeGreaterThan(1.8);
    expect(measurement.rssBytes).toBe(1024);
  }, 20_000);
});
