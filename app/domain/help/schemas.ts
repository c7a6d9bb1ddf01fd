import * as z from "zod";

import { MAX_FEEDBACK_COMMENT } from "./limits";

export { MAX_FEEDBACK_COMMENT };

// Control characters other than line breaks and tabs have no place in a comment.
const cleanComment = (value: string | undefined) =>
  (value ?? "")
    .replace(/\p{Cc}/gu, (c) => (c === "\n" || c === "\r" || c === "\t" ? c : ""))
    .replace(/\r\n?/g, "\n")
    .trim();

const comment = z
  .string()
  .optional()
  .transform(cleanComment)
  .pipe(z.string().max(MAX_FEEDBACK_COMMENT, "help:feedback.errors.commentTooLong"));

/**
 * "Was this helpful?" in two steps, both plain form posts: the vote (yes or
 * no, optionally with a comment), then an optional comment on that vote.
 * Messages are keys in the help namespace, translated where they are shown.
 */
export const FeedbackSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("vote"),
      helpful: z.enum(["yes", "no"], { message: "help:feedback.errors.choose" }),
      comment: comment.transform((value) => (value === "" ? null : value)),
    }),
    z.object({
      intent: z.literal("comment"),
      comment: comment.pipe(z.string().min(1, "help:feedback.errors.commentEmpty")),
    }),
  ],
  { message: "help:feedback.errors.choose" },
);

export type FeedbackSubmission = z.infer<typeof FeedbackSchema>;

export type FeedbackErrors = Partial<Record<"helpful" | "comment" | "form", string>>;

/** The first message per field, for the form to show next to it. */
export function feedbackErrors(error: z.ZodError): FeedbackErrors {
  const errors: FeedbackErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] === "helpful" || issue.path[0] === "comment" ? issue.path[0] : "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** What an article's "Was this helpful?" box shows. */
export interface FeedbackState {
  /** This visitor's answer, if they gave one. */
  vote: { helpful: boolean; hasComment: boolean } | null;
  summary: { helpful: number; total: number };
}

/** What the feedback action answers. */
export type FeedbackActionData = ({ ok: true } & FeedbackState) | { ok: false; errors: FeedbackErrors };
