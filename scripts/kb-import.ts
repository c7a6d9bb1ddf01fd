/**
 * npm run kb:import — loads content/kb into the configured database again:
 * new articles are added, changed ones updated in place (views and feedback
 * kept), and the "did you mean" vocabulary rebuilt. Safe to run at any time.
 */
import { migrateToLatest } from "../app/lib/db.server";
import { contentDir } from "../db/seed/all";
import { seedKnowledgeBase } from "../db/seed/kb";
import { fail, openFromEnv } from "./cli";

const { handle } = await openFromEnv();
try {
  await migrateToLatest(handle.db);
  const summary = await seedKnowledgeBase(handle.db, { contentDir: contentDir() });
  console.log("knowledge base imported", summary);
} catch (error) {
  fail(error);
} finally {
  await handle.close();
}
