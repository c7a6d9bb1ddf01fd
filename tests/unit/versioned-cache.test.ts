import { describe, expect, it } from "vitest";

import { VersionedCache } from "../../app/lib/versioned-cache.server";

function counter() {
  let calls = 0;
  const compute = (value: string) => () => {
    calls += 1;
    return Promise.resolve(value);
  };
  return { compute, calls: () => calls };
}

describe("VersionedCache", () => {
  it("answers the same key and version from memory, and computes again for another version", async () => {
    const cache = new VersionedCache<string>(10);
    const { compute, calls } = counter();
    expect(await cache.get("a", "1", compute("first"))).toBe("first");
    expect(await cache.get("a", "1", compute("not used"))).toBe("first");
    expect(calls()).toBe(1);
    expect(await cache.get("a", "2", compute("second"))).toBe("second");
    // The old version is gone, not kept beside the new one.
    expect(await cache.get("a", "1", compute("again"))).toBe("again");
    expect(calls()).toBe(3);
    expect(cache.size).toBe(1);
  });

  it("drops the least recently used key past its capacity", async () => {
    const cache = new VersionedCache<string>(2);
    const { compute, calls } = counter();
    await cache.get("a", "1", compute("a"));
    await cache.get("b", "1", compute("b"));
    await cache.get("a", "1", compute("a"));
    await cache.get("c", "1", compute("c"));
    expect(cache.size).toBe(2);
    expect(calls()).toBe(3);
    await cache.get("a", "1", compute("a"));
    expect(calls()).toBe(3);
    await cache.get("b", "1", compute("b"));
    expect(calls()).toBe(4);
  });

  it("shares one computation between concurrent misses", async () => {
    const cache = new VersionedCache<string>(10);
    let release!: (value: string) => void;
    let calls = 0;
    const compute = () => {
      calls += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.get("a", "1", compute), cache.get("a", "1", compute)]);
    release("shared");
    expect(await both).toEqual(["shared", "shared"]);
    expect(calls).toBe(1);
  });

  it("forgets a computation that failed, so the next read tries again", async () => {
    const cache = new VersionedCache<string>(10);
    await expect(cache.get("a", "1", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(cache.size).toBe(0);
    expect(await cache.get("a", "1", () => Promise.resolve("back"))).toBe("back");
  });

  it("keeps nothing with capacity 0", async () => {
    const cache = new VersionedCache<string>(0);
    const { compute, calls } = counter();
    await cache.get("a", "1", compute("x"));
    await cache.get("a", "1", compute("x"));
    expect(calls()).toBe(2);
    expect(cache.size).toBe(0);
  });
});
