import type { Database } from "../../app/lib/db.server";
import { seedDemoData } from "../../db/seed";
import { DEMO_CONTACTS } from "../../db/seed/identities";

export { DEMO_CONTACTS };

/** Seeds the demo story and returns helpers to find its people and contracts. */
export async function seedDemo(db: Database, today = "2026-11-25") {
  await seedDemoData(db, { today });
  return {
    contactByEmail: (email: string) =>
      db.selectFrom("contacts").select(["id", "accountId", "email", "name", "locale"]).where("email", "=", email).executeTakeFirstOrThrow(),
    staffByEmail: (email: string) =>
      db.selectFrom("staffUsers").select(["id", "email", "name", "role"]).where("email", "=", email).executeTakeFirstOrThrow(),
    contractByNumber: (number: string) =>
      db.selectFrom("contracts").select(["id", "accountId", "number", "termEnd"]).where("number", "=", number).executeTakeFirstOrThrow(),
  };
}
