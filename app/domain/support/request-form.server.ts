/**
 * Reads the new-request form from the HTTP request: multipart with an
 * optional file, the honeypot, the shared schema, and the attachment's
 * bytes checked against its name. Nothing is stored here.
 */
import { parseForm, type FieldErrors } from "~/lib/forms";
import { readFormWithFile } from "~/lib/multipart.server";

import { checkAttachment, MAX_ATTACHMENT_BYTES, type AttachmentProblem } from "./attachments";
import { HONEYPOT_FIELD, MESSAGE_MAX, SUBJECT_MAX, SupportRequestSchema, type SupportRequestInput } from "./schemas";
import type { CheckedAttachment } from "./tickets.server";

/** What the form shows again after a round trip (never the file: browsers cannot prefill one). */
export interface RequestFormValues {
  topic: string;
  contractId: string;
  subject: string;
  message: string;
}

export type RequestFormRead =
  | { kind: "ok"; data: SupportRequestInput; attachment: CheckedAttachment | null; values: RequestFormValues }
  | { kind: "invalid"; status: 400 | 413; errors: FieldErrors; values: RequestFormValues }
  | { kind: "bot" };

const ATTACHMENT_MESSAGES: Record<AttachmentProblem, string> = {
  empty: "support:errors.attachmentEmpty",
  tooLarge: "support:errors.attachmentTooLarge",
  type: "support:errors.attachmentType",
  mismatch: "support:errors.attachmentMismatch",
};

/** A whole request body above this is refused unread (a 5 MB file and 10,000 characters fit easily). */
export const MAX_REQUEST_BODY_BYTES = 20 * 1024 * 1024;

function text(form: FormData, name: string, max: number): string {
  const value = form.get(name);
  // Kept a little longer than allowed so the form shows what was sent and the
  // schema says it is too long. Form encoding turns line breaks into CRLF.
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").slice(0, max + 100) : "";
}

export async function readSupportRequest(request: Request): Promise<RequestFormRead> {
  const read = await readFormWithFile(request, {
    fileField: "attachment",
    maxFileBytes: MAX_ATTACHMENT_BYTES,
    maxFieldBytes: 4 * (MESSAGE_MAX + 100),
    maxBodyBytes: MAX_REQUEST_BODY_BYTES,
  });
  const empty: RequestFormValues = { topic: "", contractId: "", subject: "", message: "" };
  if (!read.ok) {
    return read.reason === "bodyTooLarge"
      ? { kind: "invalid", status: 413, errors: { attachment: "support:errors.attachmentTooLarge" }, values: empty }
      : { kind: "invalid", status: 400, errors: { form: "support:errors.malformed" }, values: empty };
  }
  const { form } = read;
  const honeypot = form.get(HONEYPOT_FIELD);
  if (typeof honeypot === "string" && honeypot.trim() !== "") return { kind: "bot" };

  const values: RequestFormValues = {
    topic: text(form, "topic", 20),
    contractId: text(form, "contractId", 40),
    subject: text(form, "subject", SUBJECT_MAX),
    message: text(form, "message", MESSAGE_MAX),
  };
  const parsed = parseForm(form, SupportRequestSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };

  let attachment: CheckedAttachment | null = null;
  if (read.fileTooLarge) {
    errors.attachment = ATTACHMENT_MESSAGES.tooLarge;
  } else if (read.file) {
    const verdict = checkAttachment(read.file.filename, read.file.bytes);
    if (verdict.ok) {
      attachment = { filename: verdict.filename, contentType: verdict.contentType, kind: verdict.kind, bytes: read.file.bytes };
    } else {
      errors.attachment = ATTACHMENT_MESSAGES[verdict.problem];
    }
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { kind: "invalid", status: 400, errors, values };
  return { kind: "ok", data: parsed.data, attachment, values };
}
