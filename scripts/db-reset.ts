/** npm run db:reset — drops everything, migrates from scratch, seeds the demo data. */
import { sql } from "kysely";

import { migrateToLatest } from "../app/lib/db.server";
import { clockFromEnv } from "../app/lib/services.server";
import { seedAll } from "../db/seed/all";
import { fail, openFromEnv } from "./cli";

const { env, handle } = await openFromEnv();
try {
  if (env.NODE_ENV === "production") fail("db:reset refuses to run with NODE_ENV=production.");
  await sql`drop schema if exists public cascade`.execute(handle.db);
  await sql`drop schema if exists pgboss cascade`.execute(handle.db);
  await sql`create schema public`.execute(handle.db);
  await migrateToLatest(handle.db);
  const summary = await seedAll(handle.db, clockFromEnv(env));
  console.log("reset and seeded", summary);
} catch (error) {
  fail(error);
} finally {
  await handle.close();
}
