/**
 * Search-result snippets as data, not HTML: a list of text parts, some marked
 * as matches. React renders each part as text (a <mark> around the matches),
 * so whatever an article or a query contains is escaped on the page; no HTML
 * string is ever built from them.
 */

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface HighlightTerms {
  /** Lower-case stems or words: a word starting with one is a match. */
  prefixes: readonly string[];
  /** Han terms, matched wherever they occur. */
  fragments: readonly string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const ELLIPSIS = "…";

/** [start, end) ranges of `text` that match, sorted and merged. */
export function findMatches(text: string, terms: HighlightTerms): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const prefixes = terms.prefixes.filter((p) => p.length >= 2);
  if (prefixes.length > 0) {
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      if (prefixes.some((prefix) => word.startsWith(prefix))) ranges.push([match.index, match.index + match[0].length]);
    }
  }
  for (const fragment of terms.fragments) {
    if (!fragment) continue;
    for (let at = text.indexOf(fragment); at !== -1; at = text.indexOf(fragment, at + 1)) {
      ranges.push([at, at + fragment.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * The window of about `length` characters with the most matches, cut at
 * word boundaries where the text has spaces, with "…" where it was cut.
 */
export function buildSnippet(text: string, terms: HighlightTerms, length = 220): SnippetPart[] {
  const source = text.replace(/\s+/g, " ").trim();
  if (!source) return [];
  const matches = findMatches(source, terms);
  if (source.length <= length) return toParts(source, 0, source.length, matches);

  let start = 0;
  if (matches.length > 0) {
    let best = 0;
    let bestCount = -1;
    for (let i = 0; i < matches.length; i++) {
      const windowEnd = matches[i]![0] + length * 0.8;
      let count = 0;
      for (let j = i; j < matches.length && matches[j]![1] <= windowEnd; j++) count++;
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    // A little context before the first match of the best window.
    start = Math.max(0, matches[best]![0] - Math.round(length * 0.2));
  }
  start = Math.min(start, source.length - length);
  let end = start + length;
  start = alignStart(source, start);
  end = alignEnd(source, end);
  return toParts(source, start, end, matches);
}

function alignStart(text: string, start: number): number {
  if (start <= 0) return 0;
  // Inside a spaced word: begin at the next word. Han text has no spaces to find.
  const space = text.lastIndexOf(" ", start);
  if (space >= 0 && start - space <= 20) return space + 1;
  return avoidSurrogateSplit(text, start);
}

function alignEnd(text: string, end: number): number {
  if (end >= text.length) return text.length;
  const space = text.lastIndexOf(" ", end);
  if (space > 0 && end - space <= 20) return space;
  return avoidSurrogateSplit(text, end);
}

function avoidSurrogateSplit(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}

function toParts(text: string, start: number, end: number, matches: Array<[number, number]>): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (part: string, mark: boolean) => {
    if (!part) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += part;
    else parts.push({ text: part, mark });
  };
  if (start > 0) push(ELLIPSIS, false);
  let at = start;
  for (const [from, to] of matches) {
    if (to <= start || from >= end) continue;
    const s = Math.max(from, start);
    const e = Math.min(to, end);
    push(text.slice(at, s), false);
    push(text.slice(s, e), true);
    at = e;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(ELLIPSIS, false);
  return parts;
}
