/** npm run db:migrate — runs pending migrations; exits non-zero on failure. */
import { migrateToLatest } from "../app/lib/db.server";
import { fail, openFromEnv } from "./cli";

const { handle } = await openFromEnv();
try {
  const result = await migrateToLatest(handle.db);
  for (const r of result.results ?? []) console.log(`${r.status === "Success" ? "applied" : r.status}: ${r.migrationName}`);
  if (!result.results?.length) console.log("database is up to date");
} catch (error) {
  fail(error);
} finally {
  await handle.close();
}
