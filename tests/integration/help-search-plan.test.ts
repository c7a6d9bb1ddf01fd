import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

import { extractTerms, normaliseQuery } from "~/domain/help/query";
import type { Locale } from "~/lib/i18n/config";
import { searchArticles, searchArticlesQuery } from "~/models/kb.server";
import { useTestDatabase } from "../support/test-database";

/*
 * The knowledge-base search must use its GIN index, not scan the table. The
 * planner only prefers an index when the table is big and the data varied
 * enough, so this file fills a database with 2,400 articles (600 per locale)
 * whose titles, keywords and bodies draw on a vocabulary of 40 topics: each
 * topic word is in about 1 article in 40, like a real help centre. Nothing
 * is switched off to force the plan.
 */
const database = useTestDatabase();
const PER_LOCALE = 600;

const ENGLISH_TOPICS = [
  "invoice", "receipt", "refund", "discount", "seat", "licence", "upgrade", "downgrade", "approval", "procurement",
  "password", "session", "export", "import", "webhook", "sandbox", "storage", "analytics", "dashboard", "report",
  "reminder", "deadline", "currency", "tax", "address", "contact", "language", "timezone", "calendar", "training",
  "onboarding", "integration", "migration", "backup", "audit", "firewall", "certificate", "domain", "mailbox", "printer",
];
const CHINESE_TOPICS = [
  "发票", "收据", "退款", "折扣", "席位", "许可", "升级", "降级", "审批", "采购",
  "密码", "会话", "导出", "导入", "回调", "沙箱", "存储", "分析", "仪表", "报表",
  "提醒", "期限", "货币", "税务", "地址", "联系", "语言", "时区", "日历", "培训",
  "入门", "集成", "迁移", "备份", "审计", "防火", "证书", "域名", "邮箱", "打印",
];

beforeAll(async () => {
  // One set-based INSERT … SELECT: 2,400 rows in a single statement.
  await sql`
    insert into kb_articles (slug, locale, category, title, summary, keywords, body_md, body_html, published, views)
    select
      'synthetic-' || g,
      l.locale,
      (array['renewals-billing','getting-started','using-the-product','troubleshooting','account-security'])[1 + g % 5],
      case when l.han then t.w1 || '与' || t.w2 || '的说明 ' || g else 'About ' || t.w1 || ' and ' || t.w2 || ' ' || g end,
      case when l.han then '关于' || t.w2 || '和' || t.w3 || '的常见问题。' else 'Common questions about ' || t.w2 || ' and ' || t.w3 || '.' end,
      t.w1 || ', ' || t.w3,
      case when l.han
        then '本文说明' || t.w1 || '的设置步骤。' || repeat('请先检查' || t.w2 || '，再联系支持团队。', 3) || '## 步骤' || chr(10) || t.w3 || '完成后即可继续。'
        else 'This article explains how ' || t.w1 || ' works for your team. ' ||
             repeat('Check the ' || t.w2 || ' settings first, then contact support if it still fails. ', 3) ||
             '## Steps' || chr(10) || 'When ' || t.w3 || ' is done you can carry on.'
      end,
      '<p>synthetic</p>',
      true,
      (g * 7919) % 500
    from generate_series(1, ${PER_LOCALE}) as g
    cross join (values ('en', false), ('ms', false), ('zh-Hans', true), ('zh-Hant', true)) as l(locale, han)
    cross join lateral (
      select
        case when l.han then (${CHINESE_TOPICS}::text[])[1 + g % 40] else (${ENGLISH_TOPICS}::text[])[1 + g % 40] end as w1,
        case when l.han then (${CHINESE_TOPICS}::text[])[1 + (g * 7) % 40] else (${ENGLISH_TOPICS}::text[])[1 + (g * 7) % 40] end as w2,
        case when l.han then (${CHINESE_TOPICS}::text[])[1 + (g * 13) % 40] else (${ENGLISH_TOPICS}::text[])[1 + (g * 13) % 40] end as w3
    ) as t`.execute(database.db);
  await sql`analyze kb_articles`.execute(database.db);
});

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function planOf(locale: Locale, query: string): Promise<PlanNode[]> {
  const terms = extractTerms(normaliseQuery(query), locale);
  const rows = await searchArticlesQuery(database.db, { locale, terms }).explain("json");
  const document = Object.values(rows[0] as Record<string, unknown>)[0];
  const parsed = (typeof document === "string" ? JSON.parse(document) : document) as Array<{ Plan: PlanNode }>;
  return nodes(parsed[0]!.Plan);
}

describe("the knowledge-base search plan", () => {
  it("has thousands of articles to search", async () => {
    const { n } = await database.db
      .selectFrom("kbArticles")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(n).toBeGreaterThanOrEqual(2000);
    const found = await searchArticles(database.db, {
      locale: "en",
      // Article g has topics g, 7g and 13g (mod 40): firewall (35) goes with licence (245 mod 40 = 5).
      terms: extractTerms("firewall licence", "en"),
    });
    expect(found.total).toBeGreaterThan(10);
    expect(found.hits[0]!.matchesAll).toBe(true);
  });

  it.each<[Locale, string, string]>([
    ["en", "firewall", "kb_articles_search_en_idx"],
    ["en", "printer mailbox", "kb_articles_search_en_idx"],
    ["ms", "webhook", "kb_articles_search_ms_idx"],
    ["zh-Hans", "防火", "kb_articles_search_zh_hans_idx"],
    ["zh-Hant", "打印", "kb_articles_search_zh_hant_idx"],
    ["en", "nothingmatchesthis", "kb_articles_search_en_idx"],
  ])("%s “%s” is a bitmap scan of the locale's GIN index (%s)", async (locale, query, index) => {
    const plan = await planOf(locale, query);
    const scans = plan.filter((node) => node["Node Type"] === "Bitmap Index Scan");
    expect(scans.map((node) => node["Index Name"])).toEqual([index]);
    expect(plan.map((node) => node["Node Type"])).not.toContain("Seq Scan");
    const { indexdef } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where indexname = ${index}`
      .execute(database.db)
      .then((r) => r.rows[0]!);
    expect(indexdef).toMatch(/USING gin \(search_vector\)/);
  });
});
