import path from "node:path";

import type { Kysely } from "kysely";

import type { Clock } from "../../app/lib/clock";
import { todayIso } from "../../app/lib/dates";
import type { DB } from "../schema";
import { seedDemoData, type SeedSummary } from "./index";
import { seedKnowledgeBase, type KnowledgeBaseSummary } from "./kb";

/** Where the help-centre content lives: content/ at the project root (CONTENT_DIR overrides it). */
export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? "content");
}

export type FullSeedSummary = SeedSummary & { kbArticles: number; kbSearchTerms: number };

/** Everything a fresh demo database gets: the story data and the help centre. */
export async function seedAll(db: Kysely<DB>, clock: Clock): Promise<FullSeedSummary> {
  const summary = await seedDemoData(db, { today: todayIso(clock) });
  const kb: KnowledgeBaseSummary = await seedKnowledgeBase(db, { contentDir: contentDir() });
  return { ...summary, kbArticles: kb.articles, kbSearchTerms: kb.searchTerms };
}
