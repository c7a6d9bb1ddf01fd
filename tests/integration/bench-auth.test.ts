import { createCookieSessionStorage } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { authenticate, BENCH_SESSION_SECRET, mintSessions } from "../../bench/auth";
import type { BenchContext } from "../../bench/lib/context";
import { hashToken } from "../../app/lib/auth/tokens.server";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();

describe("bench sign-in", () => {
  it("mints a real, signed session for the heavy account's admin and its success manager", async () => {
    const demo = await seedDemo(database.db);
    const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
    const maya = await demo.staffByEmail("maya.tan@customer365.example");
    const ctx = {
      heavyAccount: { id: amelia.accountId, admin: { id: amelia.id, email: amelia.email } },
      staff: { id: maya.id, email: maya.email },
    } as unknown as BenchContext;
    await mintSessions(database.db, ctx);

    const storage = createCookieSessionStorage<{ sid: string }>({ cookie: { name: "__c365", secrets: [BENCH_SESSION_SECRET] } });
    for (const [kind, column, id] of [
      ["customer", "contactId", amelia.id],
      ["staff", "staffUserId", maya.id],
    ] as const) {
      const { cookie } = await authenticate(kind, ctx);
      const sid = (await storage.getSession(cookie)).get("sid");
      expect(sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const row = await database.db.selectFrom("sessions").selectAll().where("idHash", "=", hashToken(sid!)).executeTakeFirstOrThrow();
      expect(row[column]).toBe(id);
      expect(row.revokedAt).toBeNull();
    }
  });
});
