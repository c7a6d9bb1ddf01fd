/**
 * The front matter of a knowledge-base file (content/README.md): a block of
 * flat `key: value` lines between two `---` lines at the very top. Values that
 * contain a colon are wrapped in double quotes. That is all the content uses,
 * so a dozen lines replace a YAML dependency.
 */
export interface FrontMatter {
  data: Record<string, string>;
  body: string;
}

export class FrontMatterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FrontMatterError";
  }
}

const BLOCK = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const LINE = /^([A-Za-z][\w-]*):[ \t]*(.*)$/;

export function parseFrontMatter(text: string): FrontMatter {
  // A byte-order mark would hide the opening "---" from the pattern.
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const block = BLOCK.exec(source);
  if (!block) throw new FrontMatterError("missing front matter (a --- block at the very top)");
  const data: Record<string, string> = {};
  for (const raw of block[1]!.split(/\r?\n/)) {
    if (!raw.trim() || raw.trimStart().startsWith("#")) continue;
    const match = LINE.exec(raw);
    if (!match) throw new FrontMatterError(`front matter line is not "key: value": ${raw}`);
    const key = match[1]!;
    if (Object.hasOwn(data, key)) throw new FrontMatterError(`duplicate front matter key: ${key}`);
    data[key] = unquote(match[2]!.trim(), key);
  }
  return { data, body: source.slice(block[0].length) };
}

function unquote(value: string, key: string): string {
  if (!value.startsWith('"')) return value;
  if (value.length < 2 || !value.endsWith('"')) throw new FrontMatterError(`unbalanced quotes in ${key}`);
  return value.slice(1, -1).replace(/\\(["\\])/g, "$1").trim();
}
