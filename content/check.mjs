// Checks the help-centre content under content/: knowledge-base articles in
// four locales and the FAQ files. Plain Node, no dependencies.
// Run from the repo root:  . ../shared/node24.sh && node content/check.mjs
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(fileURLToPath(import.meta.url));
const LOCALES = ["en", "ms", "zh-Hans", "zh-Hant"];
const CATEGORIES = new Set([
  "renewals-billing",
  "getting-started",
  "using-the-product",
  "troubleshooting",
  "account-security",
]);
const KEYS = ["title", "summary", "category", "keywords", "updated"];
const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LINK_RE = /\/help\/articles\/([^)\s#?]*)/g;
const TAG_RE = /<\/?[A-Za-z!][^>]*>/;

// Characters that exist only in one Chinese script, and vocabulary that
// belongs to the other region. A hit means the wrong script or wording.
const SIMPLIFIED_ONLY = "账续链录设数据订购费优总价线级队团档载们这说时间为会过进还与东两门问题务开关让请应该给报发单扩减审视频网络软户认证内个点页显选项没边达运连适邮钟钥锁长闭阅际难须领额验览执区试询读调谁资贵转输对将从么实图启于";
const TRADITIONAL_ONLY = "帳續鏈錄設數據訂購費優總價線級隊團檔載們這說時間為會過進還與東兩門問題務開關讓請應該給報發單擴減審視頻網絡軟認證戶內個點頁顯選項沒邊達運連適郵鐘鑰鎖長閉閱際難須領額驗覽執區試詢讀調誰資貴轉輸對將從麼實圖啟於";
const HANT_BANNED_WORDS = ["信息", "软件", "默認", "支持", "登錄", "鏈接", "設置", "視頻", "網絡", "質量", "屏幕", "用戶"];
const HANS_BANNED_WORDS = ["登入", "资讯", "软体", "预设", "网路", "荧幕"];


// CommonMark only closes ** when the delimiter is "right-flanking": a closing
// ** right after punctuation (such as 。？) must be followed by a space or
// punctuation, or the bold never ends. That bites CJK text, which has no
// spaces, so check every ** pair line by line (openers likewise).
const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;
function emphasisProblems(body) {
  const problems = [];
  for (const line of body.split("\n")) {
    const positions = [];
    for (let i = line.indexOf("**"); i !== -1; i = line.indexOf("**", i + 2)) positions.push(i);
    if (positions.length % 2) {
      problems.push(`unpaired ** in: ${line.slice(0, 60)}`);
      continue;
    }
    for (let k = 0; k < positions.length; k += 2) {
      const open = positions[k];
      const close = positions[k + 1];
      const before = line[open - 1] ?? " ";
      const first = line[open + 2] ?? " ";
      const last = line[close - 1] ?? " ";
      const after = line[close + 2] ?? " ";
      const leftFlanking = !SPACE.test(first) && (!PUNCT.test(first) || SPACE.test(before) || PUNCT.test(before));
      const rightFlanking = !SPACE.test(last) && (!PUNCT.test(last) || SPACE.test(after) || PUNCT.test(after));
      if (!leftFlanking || !rightFlanking) problems.push(`bold will not render: ${line.slice(open, close + 4)}`);
    }
  }
  return problems;
}

const errors = [];
const warnings = [];
const err = (file, msg) => errors.push(`${file}: ${msg}`);

function parseFrontMatter(text, file) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) {
    err(file, "missing front matter (--- block at the very top)");
    return null;
  }
  const data = {};
  for (const line of m[1].split("\n")) {
    if (!line.trim()) continue;
    const kv = /^([a-z]+): (.+)$/.exec(line);
    if (!kv) {
      err(file, `front matter line is not "key: value": ${line}`);
      continue;
    }
    let [, key, value] = kv;
    if (value.startsWith('"')) {
      if (!value.endsWith('"') || value.length < 2) err(file, `unbalanced quotes in ${key}`);
      value = value.slice(1, -1);
    } else if (value.includes(":")) {
      err(file, `${key} contains a colon and must be wrapped in double quotes`);
    }
    if (key in data) err(file, `duplicate key ${key}`);
    data[key] = value.trim();
  }
  return { data, body: text.slice(m[0].length) };
}

function englishWords(body) {
  return body
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/[#*|`>-]/g, " ")
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

// ---- articles -------------------------------------------------------------
const slugsByLocale = {};
for (const locale of LOCALES) {
  const dir = join(ROOT, "kb", locale);
  slugsByLocale[locale] = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3)).sort()
    : [];
}
const allSlugs = new Set(LOCALES.flatMap((l) => slugsByLocale[l]));
for (const slug of allSlugs) {
  if (!SLUG_RE.test(slug)) err(slug, "slug is not kebab-case");
  for (const locale of LOCALES) {
    if (!slugsByLocale[locale].includes(slug)) err(`kb/${locale}/${slug}.md`, "missing translation");
  }
}

const wordCounts = {};
const categoryOf = {};
for (const locale of LOCALES) {
  for (const slug of slugsByLocale[locale]) {
    const file = `kb/${locale}/${slug}.md`;
    const text = readFileSync(join(ROOT, file), "utf8");
    if (text.includes("\r")) err(file, "use LF line endings");
    const parsed = parseFrontMatter(text, file);
    if (!parsed) continue;
    const { data, body } = parsed;
    for (const key of KEYS) if (!data[key]) err(file, `front matter is missing ${key}`);
    for (const key of Object.keys(data)) if (!KEYS.includes(key)) err(file, `unexpected front matter key ${key}`);
    if (data.category && !CATEGORIES.has(data.category)) err(file, `invalid category ${data.category}`);
    if (data.updated) {
      const date = new Date(`${data.updated}T00:00:00Z`);
      const ok = /^\d{4}-\d{2}-\d{2}$/.test(data.updated) &&
        !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === data.updated;
      if (!ok) err(file, `updated is not an ISO date: ${data.updated}`);
    }
    if (locale === "en") categoryOf[slug] = data.category;
    else if (categoryOf[slug] && data.category !== categoryOf[slug]) {
      err(file, `category ${data.category} differs from English (${categoryOf[slug]})`);
    }

    if (TAG_RE.test(body)) err(file, `HTML tag in body: ${TAG_RE.exec(body)[0]}`);
    if (/!\[/.test(body)) err(file, "images are not allowed");
    for (const problem of emphasisProblems(body)) err(file, problem);
    if (/^# /m.test(body)) err(file, "use ## for sections; the title comes from front matter");
    const sections = (body.match(/^## .+$/gm) || []).length;
    if (sections < 2 || sections > 5) err(file, `has ${sections} ## sections (want 2-5)`);
    if (!/^[^#\s]/.test(body.trimStart())) err(file, "body should open with an intro paragraph");

    const links = [...body.matchAll(LINK_RE)].map((m) => m[1]);
    if (links.length < 1 || links.length > 3) err(file, `has ${links.length} article links (want 1-3)`);
    for (const target of links) {
      if (!allSlugs.has(target)) err(file, `link to unknown article /help/articles/${target}`);
      if (target === slug) err(file, "links to itself");
    }

    if (locale === "en") {
      const words = englishWords(body);
      wordCounts[slug] = words;
      if (words < 150 || words > 450) err(file, `${words} words (want 150-450)`);
    } else {
      const enFile = join(ROOT, "kb", "en", `${slug}.md`);
      if (existsSync(enFile)) {
        const enSections = (readFileSync(enFile, "utf8").match(/^## .+$/gm) || []).length;
        if (enSections !== sections) warnings.push(`${file}: ${sections} sections, English has ${enSections}`);
      }
    }
    if (locale === "zh-Hans") {
      const bad = [...(data.title + data.summary + data.keywords + body)].filter((c) => TRADITIONAL_ONLY.includes(c));
      if (bad.length) err(file, `traditional characters in a zh-Hans article: ${[...new Set(bad)].join("")}`);
      for (const w of HANS_BANNED_WORDS) if ((data.title + body).includes(w)) err(file, `Taiwan wording "${w}" in zh-Hans`);
    }
    if (locale === "zh-Hant") {
      const bad = [...(data.title + data.summary + data.keywords + body)].filter((c) => SIMPLIFIED_ONLY.includes(c));
      if (bad.length) err(file, `simplified characters in a zh-Hant article: ${[...new Set(bad)].join("")}`);
      for (const w of HANT_BANNED_WORDS) if ((data.title + body).includes(w)) err(file, `mainland wording "${w}" in zh-Hant`);
    }
  }
}

// ---- FAQ ------------------------------------------------------------------
let faqIds = null;
let faqCount = 0;
for (const locale of LOCALES) {
  const file = `faq/${locale}.json`;
  const path = join(ROOT, file);
  if (!existsSync(path)) {
    err(file, "missing");
    continue;
  }
  let items;
  try {
    items = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    err(file, `invalid JSON: ${e.message}`);
    continue;
  }
  if (!Array.isArray(items)) {
    err(file, "must be a JSON array");
    continue;
  }
  if (items.length < 12 || items.length > 16) err(file, `${items.length} entries (want 12-16)`);
  const ids = [];
  items.forEach((item, i) => {
    const where = `${file}[${i}]`;
    const keys = Object.keys(item).sort().join(",");
    if (keys !== "answer,article,id,question") err(where, `keys must be id, question, answer, article (got ${keys})`);
    if (typeof item.id !== "string" || !SLUG_RE.test(item.id)) err(where, `id is not kebab-case: ${item.id}`);
    for (const k of ["question", "answer"]) {
      if (typeof item[k] !== "string" || !item[k].trim()) err(where, `${k} is empty`);
      else if (TAG_RE.test(item[k])) err(where, `HTML tag in ${k}`);
    }
    if (!allSlugs.has(item.article)) err(where, `article "${item.article}" does not exist`);
    ids.push(item.id);
  });
  if (new Set(ids).size !== ids.length) err(file, "duplicate ids");
  if (faqIds === null) {
    faqIds = ids;
    faqCount = ids.length;
  } else if (ids.join("|") !== faqIds.join("|")) {
    err(file, "ids differ from faq/en.json (same ids in the same order wanted)");
  }
}

// ---- report ---------------------------------------------------------------
const counts = Object.values(wordCounts);
console.log(`Articles: ${allSlugs.size} slugs x ${LOCALES.length} locales`);
if (counts.length) console.log(`English word counts: ${Math.min(...counts)}-${Math.max(...counts)}`);
const byCategory = {};
for (const [slug, c] of Object.entries(categoryOf)) (byCategory[c] ||= []).push(slug);
for (const [c, slugs] of Object.entries(byCategory).sort()) console.log(`  ${c} (${slugs.length}): ${slugs.join(", ")}`);
console.log(`FAQ: ${faqCount} entries x ${LOCALES.length} locales`);
for (const w of warnings) console.log(`warning: ${w}`);
if (errors.length) {
  for (const e of errors) console.error(`error: ${e}`);
  console.error(`\n${errors.length} problem(s) found.`);
  process.exit(1);
}
console.log("All checks passed.");
