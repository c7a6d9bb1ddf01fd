/**
 * One zod schema per support form, shared by react-hook-form in the browser
 * and the action on the server (which always validates again). Messages are
 * i18n keys ("support:errors.…"), translated where they are shown.
 */
import * as z from "zod";

import { hasAllowedExtension, MAX_ATTACHMENT_BYTES } from "./attachments";
import { COMMENT_MAX, HONEYPOT_FIELD, MESSAGE_MAX, SUBJECT_MAX } from "./limits";
import { TICKET_TOPICS } from "./topics";

export { COMMENT_MAX, HONEYPOT_FIELD, MESSAGE_MAX, SUBJECT_MAX };

// Control characters other than line breaks and tabs have no place in text a
// person typed; Windows line endings become "\n".
function cleanText(value: unknown): string {
  if (typeof value !== "string") return "";
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/\p{Cc}/gu, (c) => (c === "\n" || c === "\t" ? c : ""))
    .trim();
}

function cleanLine(value: unknown): string {
  return cleanText(value).replace(/\s+/g, " ");
}

// z.preprocess, not z.unknown().transform(): a field that is missing from the
// form must reach the inner schema (and get its own message), not fail as
// "required" before it.
const subject = z.preprocess(
  cleanLine,
  z.string().min(1, "support:errors.subjectRequired").max(SUBJECT_MAX, "support:errors.subjectTooLong"),
);

export const message = z.preprocess(
  cleanText,
  z.string().min(1, "support:errors.messageRequired").max(MESSAGE_MAX, "support:errors.messageTooLong"),
);

const optionalComment = z
  .preprocess(cleanText, z.string().max(COMMENT_MAX, "support:errors.commentTooLong"))
  .transform((value) => (value === "" ? null : value));

/** What a file input gives: a FileList in the browser, a File (or nothing) on the server. */
export interface FileLike {
  name: string;
  size: number;
}

function isFileLike(value: unknown): value is FileLike {
  return typeof value === "object" && value !== null && "name" in value && "size" in value;
}

/** The chosen file, or null: an empty file input submits a nameless, empty part. */
function singleFile(value: unknown): FileLike | null {
  let file: unknown = value;
  if (typeof value === "object" && value !== null && "length" in value && typeof (value as ArrayLike<unknown>).length === "number") {
    file = (value as ArrayLike<unknown>)[0];
  }
  if (!isFileLike(file) || (file.size === 0 && file.name === "")) return null;
  return file;
}

/**
 * The attachment as far as name and size tell: the browser stops an obvious
 * mistake before uploading 5 MB; the server then reads the bytes
 * (domain/support/attachments.ts) before anything is stored.
 */
const attachment = z
  .preprocess(singleFile, z.custom<FileLike | null>(() => true))
  .refine((file) => !file || file.size <= MAX_ATTACHMENT_BYTES, "support:errors.attachmentTooLarge")
  .refine((file) => !file || hasAllowedExtension(file.name), "support:errors.attachmentType");

const optionalId = z
  .preprocess(
    (value) => (typeof value === "string" ? value.trim() : ""),
    z.string().refine((value) => value === "" || z.uuid().safeParse(value).success, "support:errors.contract"),
  )
  .transform((value) => (value === "" ? null : value.toLowerCase()));

/** The new-request form. */
export const SupportRequestSchema = z.object({
  topic: z.enum(TICKET_TOPICS, { message: "support:errors.topic" }),
  contractId: optionalId,
  subject,
  message,
  attachment,
  /** "yes" once the customer has seen the suggested articles and still wants to send. */
  confirmed: z.preprocess((value) => value === "yes", z.boolean()),
});

export type SupportRequestInput = z.infer<typeof SupportRequestSchema>;

/** A customer's answer on their request. */
export const TicketReplySchema = z.object({
  intent: z.literal("reply"),
  message,
});

/** "How did we do?" on an answered request, once. */
export const CsatSchema = z.object({
  intent: z.literal("csat"),
  score: z.coerce
    .number({ message: "support:errors.csatScore" })
    .int("support:errors.csatScore")
    .min(1, "support:errors.csatScore")
    .max(5, "support:errors.csatScore"),
  comment: optionalComment,
});

export type CsatInput = z.infer<typeof CsatSchema>;

/** "How likely are you to recommend Customer365?" */
export const NpsSchema = z.object({
  intent: z.literal("nps"),
  // An empty answer is no answer, not a zero.
  score: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce
      .number({ message: "support:errors.npsScore" })
      .int("support:errors.npsScore")
      .min(0, "support:errors.npsScore")
      .max(10, "support:errors.npsScore"),
  ),
  comment: optionalComment,
});

export type NpsInput = z.infer<typeof NpsSchema>;

/** A staff answer, and what the ticket becomes after it. */
export const StaffReplySchema = z.object({
  intent: z.literal("reply"),
  message,
  status: z.enum(["pending", "open", "resolved"], { message: "staff-help:tickets.errors.status" }).default("pending"),
});

export const StaffStatusSchema = z.object({
  intent: z.literal("status"),
  status: z.enum(["open", "pending", "resolved", "closed"], { message: "staff-help:tickets.errors.status" }),
});
