/** npm run db:seed — loads the demo data into an empty, migrated database. */
import { sql } from "kysely";

import { migrateToLatest } from "../app/lib/db.server";
import { clockFromEnv } from "../app/lib/services.server";
import { seedAll } from "../db/seed/all";
import { fail, openFromEnv } from "./cli";

const { env, handle } = await openFromEnv();
try {
  await migrateToLatest(handle.db);
  const { n } = await handle.db
    .selectFrom("accounts")
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  if (n > 0) fail("The database already has data; run `npm run db:reset` to start again.");
  const summary = await seedAll(handle.db, clockFromEnv(env));
  console.log("seeded", summary);
} catch (error) {
  fail(error);
} finally {
  await handle.close();
}
