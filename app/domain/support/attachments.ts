/**
 * Support-request attachments: what we accept and how a file is named when it
 * is stored and served back. Pure functions: the bytes decide the type (the
 * declared Content-Type and the extension are only claims), and a file whose
 * name claims another type than its content is refused.
 */

/** The largest attachment accepted (the column allows exactly this). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export type AttachmentKind = "png" | "jpeg" | "pdf" | "txt" | "csv";

/** What each kind is stored and served as; never what the browser declared. */
export const CONTENT_TYPES: Record<AttachmentKind, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  pdf: "application/pdf",
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** Extensions accepted, and the kind each one promises. */
export const EXTENSIONS: Record<string, AttachmentKind> = {
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  pdf: "pdf",
  txt: "txt",
  csv: "csv",
};

/** For the file input's `accept` hint (the server decides, whatever the browser lets through). */
export const ACCEPT_ATTRIBUTE = ".png,.jpg,.jpeg,.pdf,.txt,.csv,image/png,image/jpeg,application/pdf,text/plain,text/csv";

export type SniffedType = "png" | "jpeg" | "pdf" | "text";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

// C0 controls other than tab, line feed, form feed and carriage return, and DEL:
// plain text and CSV exports never hold them; binaries almost always do.
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * What the bytes are, by their signature ("magic bytes"): PNG, JPEG, PDF, or
 * UTF-8 text without control characters. Anything else is null.
 */
export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, PDF)) return "pdf";
  for (const byte of bytes) if (isControlByte(byte)) return null;
  try {
    utf8.decode(bytes);
  } catch {
    return null;
  }
  return "text";
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : "";
}

/** Only the extension decides here; the browser's check before uploading. */
export function hasAllowedExtension(filename: string): boolean {
  return extensionOf(filename) in EXTENSIONS;
}

export type AttachmentProblem = "empty" | "tooLarge" | "type" | "mismatch";

export type AttachmentVerdict =
  | { ok: true; kind: AttachmentKind; contentType: string; filename: string }
  | { ok: false; problem: AttachmentProblem };

/**
 * Accepts a file when it is not empty, not larger than the limit, has an
 * allowed extension, and its bytes are what the extension says: a ".png" must
 * be a PNG, a ".txt" or ".csv" must be text. The declared Content-Type is not
 * even looked at.
 */
export function checkAttachment(filename: string, bytes: Uint8Array): AttachmentVerdict {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, problem: "tooLarge" };
  const kind = EXTENSIONS[extensionOf(filename)];
  if (!kind) return { ok: false, problem: "type" };
  const sniffed = sniffFileType(bytes);
  const matches = kind === "txt" || kind === "csv" ? sniffed === "text" : sniffed === kind;
  if (!matches) return { ok: false, problem: "mismatch" };
  return { ok: true, kind, contentType: CONTENT_TYPES[kind], filename: sanitiseFilename(filename) };
}

const MAX_FILENAME_LENGTH = 120;

// Bidirectional overrides and isolates can make "gpj.exe" read as "exe.jpg";
// zero-width and other format characters hide what a name says.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu;
// Reserved on Windows or meaningful to shells and HTTP headers.
const RESERVED = /[<>:"/\\|?*;=%`$]/g;

/**
 * A filename safe to store and to offer as a download: the last path
 * segment only, no invisible or reserved characters, no leading dots, at most
 * 120 characters with the extension kept, "attachment" when nothing is left.
 * Letters of every script are kept (陳怡君的發票.pdf stays readable).
 */
export function sanitiseFilename(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  let name = base
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  const ext = extensionOf(name);
  let stem = ext ? name.slice(0, -(ext.length + 1)) : name;
  stem = stem.replace(/[.\s]+$/, "");
  if (!stem) stem = "attachment";
  const suffix = ext ? `.${ext}` : "";
  const room = Math.max(1, MAX_FILENAME_LENGTH - suffix.length);
  name = Array.from(stem).slice(0, room).join("").trim() + suffix;
  return name;
}

/**
 * A Content-Disposition that always downloads: an ASCII fallback for old
 * clients and the UTF-8 name (RFC 6266 / RFC 5987) for everyone else.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "attachment";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
