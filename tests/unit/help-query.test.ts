import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  applyCorrections,
  extractTerms,
  hanBigrams,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  normaliseQuery,
  queryProblem,
  toTsQuery,
} from "~/domain/help/query";

describe("normaliseQuery", () => {
  it("gives an empty query for anything that is not a string", () => {
    for (const raw of [null, undefined, 42, ["renew"], { q: "renew" }]) expect(normaliseQuery(raw)).toBe("");
  });

  it("turns control and invisible characters into spaces and collapses whitespace", () => {
    expect(normaliseQuery("  renew\u0000al\t\n\u200Bearly\u2028 ")).toBe("renew al early");
  });

  it("folds full-width forms (typed with a CJK keyboard) to ASCII", () => {
    expect(normaliseQuery("ＳＳＯ　登录")).toBe("SSO 登录");
  });

  it("cuts a 10 kB query to the maximum length without splitting a character", () => {
    const long = "😀".repeat(10_240);
    const normalised = normaliseQuery(long);
    expect(Array.from(normalised)).toHaveLength(MAX_QUERY_LENGTH);
    expect(normalised).toBe("😀".repeat(MAX_QUERY_LENGTH));
    expect(Array.from(normaliseQuery("renewal ".repeat(1_300)))).toHaveLength(MAX_QUERY_LENGTH - 1);
  });

  it("never returns more than the maximum, nor control characters, for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3000 }), (raw) => {
        const normalised = normaliseQuery(raw);
        expect(Array.from(normalised).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(normalised).not.toMatch(/[\p{Cc}\p{Cf}]/u);
        expect(normalised).toBe(normalised.trim());
      }),
    );
  });
});

describe("queryProblem", () => {
  it("asks for at least two characters", () => {
    expect(queryProblem("")).toBe("empty");
    expect(queryProblem("a")).toBe("too_short");
    expect(queryProblem("税")).toBe("too_short");
    expect(queryProblem("po")).toBeNull();
    expect(queryProblem("发票")).toBeNull();
  });
});

describe("extractTerms", () => {
  it("keeps the meaningful English words, lower-cased, without stop words or single letters", () => {
    expect(extractTerms("How do I renew my Contract early? (a PO)", "en")).toEqual({
      words: ["renew", "contract", "early", "po"],
      han: [],
    });
  });

  it("drops Malay function words, which no text-search configuration knows", () => {
    expect(extractTerms("Bagaimana untuk memperbaharui kontrak saya", "ms").words).toEqual(["memperbaharui", "kontrak"]);
  });

  it("cuts Chinese into overlapping pairs and leaves question words out", () => {
    expect(extractTerms("续订流程", "zh-Hans")).toEqual({ words: [], han: ["续订", "订流", "流程"] });
    expect(extractTerms("如何续订？", "zh-Hans").han).toEqual(["续订"]);
    expect(extractTerms("怎麼匯出資料", "zh-Hant").han).toEqual(["匯出", "出資", "資料"]);
    expect(extractTerms("SSO 单一登录", "zh-Hans")).toEqual({ words: ["sso"], han: ["单一", "一登", "登录"] });
  });

  it("keeps a lone Han character as a term, and a query of only question words as it is", () => {
    expect(extractTerms("税 PO", "zh-Hant")).toEqual({ words: ["po"], han: ["税"] });
    expect(extractTerms("如何", "zh-Hans").han).toEqual(["如何"]);
  });

  it("keeps at most MAX_TERMS distinct terms", () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");
    expect(extractTerms(`${words} ${words}`, "en").words).toHaveLength(MAX_TERMS);
    expect(extractTerms("一二三四五六七八九十百千万", "zh-Hans").han).toHaveLength(MAX_TERMS);
  });
});

describe("toTsQuery", () => {
  it("quotes every term, matches longer words as prefixes and joins with | or &", () => {
    const terms = { words: ["invoice", "po"], han: ["发票", "税"] };
    expect(toTsQuery(terms, "any")).toBe("'invoice':* | 'po' | '发票' | '税':*");
    expect(toTsQuery(terms, "all")).toBe("'invoice':* & 'po' & '发票' & '税':*");
    expect(toTsQuery({ words: [], han: [] }, "any")).toBe("");
  });

  it("cannot be steered by operators, quotes or SQL in the query, whatever is typed", () => {
    const shape = /^('[\p{L}\p{N}]+'(:\*)?( [|&] '[\p{L}\p{N}]+'(:\*)?)*)?$/u;
    const hostile = fc.constantFrom("'", "\\", "&", "|", "!", "(", ")", ":*", "<->", "--", ";", "drop table", "<img>", "续订", "a");
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), hostile), { maxLength: 20 }),
        fc.constantFrom("en", "ms", "zh-Hans", "zh-Hant") as fc.Arbitrary<"en" | "ms" | "zh-Hans" | "zh-Hant">,
        (parts, locale) => {
          const terms = extractTerms(normaliseQuery(parts.join(" ")), locale);
          expect(toTsQuery(terms, "any")).toMatch(shape);
          expect(toTsQuery(terms, "all")).toMatch(shape);
        },
      ),
    );
  });
});

describe("hanBigrams", () => {
  it("pairs the characters of each run of Han text", () => {
    expect(hanBigrams("到期日 与宽限期。税")).toEqual(["到期", "期日", "与宽", "宽限", "限期", "税"]);
    expect(hanBigrams("no han here")).toEqual([]);
  });
});

describe("applyCorrections", () => {
  it("swaps corrected words in and leaves the rest as typed", () => {
    expect(applyCorrections("Renewl  fee?", new Map([["renewl", "renewal"]]))).toBe("renewal  fee?");
    expect(applyCorrections("grace perod", new Map())).toBe("grace perod");
  });
});
