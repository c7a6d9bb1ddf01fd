/**
 * What a help-centre search query becomes before it reaches Postgres: a
 * bounded, printable string, then terms the text-search query is built from.
 * Pure functions; the SQL lives in app/models/kb.server.ts.
 */
import type { Locale } from "~/lib/i18n/config";

import { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH } from "./limits";

export { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH };
/** More terms than this add cost, not precision. */
export const MAX_TERMS = 10;
const MAX_TERM_LENGTH = 50;
/** Work done on raw input is bounded before any regular expression runs. */
const MAX_RAW_LENGTH = 4 * MAX_QUERY_LENGTH;

/**
 * A bounded, printable query: control and invisible format characters become
 * spaces, full-width forms fold to ASCII (NFKC), whitespace collapses, and
 * the result is cut to MAX_QUERY_LENGTH characters (never inside a
 * surrogate pair). Anything that is not a string gives "".
 */
export function normaliseQuery(raw: unknown): string {
  if (typeof raw !== "string") return "";
  const cleaned = raw
    .slice(0, MAX_RAW_LENGTH)
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join("").trim();
}

export type QueryProblem = "empty" | "too_short";

export function queryProblem(query: string): QueryProblem | null {
  const length = Array.from(query).length;
  if (length === 0) return "empty";
  if (length < MIN_QUERY_LENGTH) return "too_short";
  return null;
}

/** The text-search configuration of each locale (see the migration). */
export function searchConfig(locale: Locale): "english" | "simple" {
  return locale === "en" ? "english" : "simple";
}

export function usesHanBigrams(locale: Locale): boolean {
  return locale === "zh-Hans" || locale === "zh-Hant";
}

const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Every overlapping pair of Han characters in each run; a lone character
 * stays as it is. Mirrors kb_cjk_bigrams() in the database.
 */
export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = Array.from(run);
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

// Words that carry no meaning in a help search. English mirrors PostgreSQL's
// english stop list (which drops them from the query anyway); Malay has no
// text-search configuration, so its common function words are dropped here;
// Chinese loses question words and pronoun pairs.
const STOP_WORDS: Record<"en" | "ms", ReadonlySet<string>> = {
  en: new Set(
    (
      "a about above after again against all am an and any are as at be because been before being below between both but by " +
      "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
      "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
      "our ours ourselves out over own same she should so some such than that the their theirs them themselves then there " +
      "these they this those through to too under until up very was we were what when where which while who whom why will " +
      "with would you your yours yourself yourselves"
    ).split(" "),
  ),
  ms: new Set(
    (
      "ada adakah adalah agar akan anda apa apakah atau bagaimana bagi bahawa banyak belum beberapa boleh bila dalam dan " +
      "dari daripada dengan di hanya hendak ia ialah ini itu iaitu jika juga kalau kami kamu kan ke kepada kita lagi lain " +
      "macam mahu mana mereka mesti nak oleh pada para perlu saja sahaja sama saya se sebab sebagai sudah supaya telah " +
      "tentang untuk yang"
    ).split(" "),
  ),
};
// Question words and pronouns in Chinese queries: removed before the text
// is cut into pairs, so "如何续订" searches 续订 and not also 何续.
const HAN_STOP_PHRASES = new RegExp(
  "为什么|為什麼|怎么样|怎麼樣|怎么|怎麼|怎样|怎樣|如何|什么|什麼|甚麼|我们|我們|我的|你的|您的|可以|是否|一下|请问|請問|吗|嗎|呢|的",
  "g",
);

export function isStopWord(word: string, locale: Locale): boolean {
  return (locale === "en" || locale === "ms") && STOP_WORDS[locale].has(word);
}

export interface SearchTerms {
  /** Lower-case words of letters and digits (Latin, Malay, numbers…), stop words removed. */
  words: string[];
  /** Han bigrams (and lone Han characters) for the Chinese locales. */
  han: string[];
}

/**
 * The terms of a normalised query. Han text is cut into bigrams in the
 * Chinese locales (in the others a Han run is one word, as the database sees
 * it). At most MAX_TERMS terms, each at most 50 characters.
 */
export function extractTerms(query: string, locale: Locale): SearchTerms {
  const bigrams = usesHanBigrams(locale);
  const words: string[] = [];
  const han: string[] = [];
  const latinOnly = bigrams ? query.replace(HAN_RUN, " ") : query;
  for (const [match] of latinOnly.toLowerCase().matchAll(WORD)) {
    const word = Array.from(match).slice(0, MAX_TERM_LENGTH).join("");
    if (Array.from(word).length < 2 && !/\p{Script=Han}/u.test(word)) continue;
    if (isStopWord(word, locale)) continue;
    words.push(word);
  }
  if (bigrams) {
    const meaningful = hanBigrams(query.replace(HAN_STOP_PHRASES, " "));
    han.push(...(meaningful.length > 0 ? meaningful : hanBigrams(query)));
  }
  const uniqueWords = [...new Set(words)];
  const uniqueHan = [...new Set(han)];
  // Han terms first: in a Chinese query they carry the meaning.
  const keptHan = uniqueHan.slice(0, MAX_TERMS);
  return { words: uniqueWords.slice(0, Math.max(0, MAX_TERMS - keptHan.length)), han: keptHan };
}

export function hasTerms(terms: SearchTerms): boolean {
  return terms.words.length > 0 || terms.han.length > 0;
}

/**
 * A to_tsquery() string matching any ("|") or all ("&") of the terms. Terms
 * hold only letters and digits, so nothing in them can be read as a
 * tsquery operator; each is quoted all the same. Words of four or more
 * letters also match as prefixes (invoice → invoices, pembaharuan:*); a lone
 * Han character matches every pair it starts.
 */
export function toTsQuery(terms: SearchTerms, mode: "any" | "all"): string {
  const parts = [
    ...terms.words.map((word) => (Array.from(word).length >= 4 ? `'${word}':*` : `'${word}'`)),
    ...terms.han.map((pair) => (Array.from(pair).length === 1 ? `'${pair}':*` : `'${pair}'`)),
  ];
  return parts.join(mode === "any" ? " | " : " & ");
}

/**
 * The query with corrected words swapped in ("renewl fee" + renewl→renewal
 * gives "renewal fee"), keeping everything else as the visitor typed it.
 */
export function applyCorrections(query: string, corrections: ReadonlyMap<string, string>): string {
  if (corrections.size === 0) return query;
  return query.replace(WORD, (word) => corrections.get(word.toLowerCase()) ?? word);
}
