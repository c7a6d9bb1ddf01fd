import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/**
 * Reads a form that may carry one file (multipart/form-data), or a plain
 * urlencoded form. The file is kept in memory up to `maxFileBytes`; a larger
 * one is read to its end and dropped, and reported as `fileTooLarge`, so the
 * rest of the form (subject, message) survives and the person gets a clear
 * message instead of losing what they typed. Other file fields are ignored;
 * text fields are cut at `maxFieldBytes` (the schema then says "too long").
 * A body beyond `maxBodyBytes` is refused unread.
 */
export interface MultipartLimits {
  fileField: string;
  maxFileBytes: number;
  maxFieldBytes?: number;
  maxBodyBytes?: number;
  maxParts?: number;
}

export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

export type FormRead =
  | { ok: true; form: FormData; file: UploadedFile | null; fileTooLarge: boolean }
  | { ok: false; reason: "bodyTooLarge" | "malformed" };

export async function readFormWithFile(request: Request, limits: MultipartLimits): Promise<FormRead> {
  const maxBody = limits.maxBodyBytes ?? limits.maxFileBytes * 4;
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBody) return { ok: false, reason: "bodyTooLarge" };

  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    try {
      return { ok: true, form: await request.formData(), file: null, fileTooLarge: false };
    } catch {
      return { ok: false, reason: "malformed" };
    }
  }

  const maxField = limits.maxFieldBytes ?? 256 * 1024;
  const maxParts = limits.maxParts ?? 30;
  let file: UploadedFile | null = null;
  let fileTooLarge = false;
  let bodyBytes = 0;
  let parts = 0;

  class BodyTooLarge extends Error {}

  const handler: UploadHandler = async ({ name, filename, data }) => {
    parts++;
    const isTheFile = name === limits.fileField && typeof filename === "string" && parts <= maxParts;
    const keep = isTheFile ? limits.maxFileBytes : typeof filename === "string" || parts > maxParts ? 0 : maxField;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let over = false;
    for await (const chunk of data) {
      bodyBytes += chunk.byteLength;
      if (bodyBytes > maxBody) throw new BodyTooLarge();
      if (over) continue;
      if (size + chunk.byteLength > keep) {
        over = true;
        if (!isTheFile && keep > 0) chunks.push(chunk.subarray(0, keep - size));
        continue;
      }
      chunks.push(chunk);
      size += chunk.byteLength;
    }
    if (isTheFile) {
      // An empty file input still sends a nameless, empty part.
      if (!filename && size === 0 && !over) return undefined;
      if (over) {
        fileTooLarge = true;
        return undefined;
      }
      file = { filename, bytes: concat(chunks) };
      return undefined;
    }
    if (typeof filename === "string" || parts > maxParts) return undefined;
    return new TextDecoder().decode(concat(chunks));
  };

  try {
    const form = await unstable_parseMultipartFormData(request, handler);
    return { ok: true, form, file, fileTooLarge };
  } catch (error) {
    if (error instanceof BodyTooLarge) return { ok: false, reason: "bodyTooLarge" };
    return { ok: false, reason: "malformed" };
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
