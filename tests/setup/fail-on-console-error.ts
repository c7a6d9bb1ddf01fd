import { afterEach, beforeEach, vi } from "vitest";

/**
 * A console.error fails the test unless the test expected it (by mocking
 * console.error itself, e.g. `vi.spyOn(console, "error").mockImplementation(…)`).
 */
let spy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  spy?.mockRestore();
});
