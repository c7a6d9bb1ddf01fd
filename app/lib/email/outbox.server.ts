import type { Kysely, Transaction } from "kysely";
import nodemailer, { type Transporter } from "nodemailer";

import type { DB } from "../../../db/schema";
import type { Database } from "../db.server";
import { env } from "../env.server";
import type { Locale } from "../i18n/config";
import { QUEUES, enqueue } from "../jobs/queue.server";
import { log, maskEmail } from "../log.server";
import { renderEmail, type EmailTemplate } from "./render.server";
import { TEMPLATES, type TemplateName, type TemplateParams } from "./templates";

export interface OutgoingEmail<N extends TemplateName> {
  to: string;
  locale: Locale;
  template: N;
  params: TemplateParams<N>;
}

/**
 * Renders the email in the recipient's locale, stores it in the outbox and
 * enqueues its delivery, all inside `trx`: the email exists exactly when the
 * change that caused it commits.
 */
export async function enqueueEmail<N extends TemplateName>(
  trx: Transaction<DB> | Kysely<DB>,
  email: OutgoingEmail<N>,
): Promise<string> {
  const template = TEMPLATES[email.template] as EmailTemplate<TemplateParams<N>>;
  const rendered = renderEmail(template, email.locale, email.params);
  const row = await trx
    .insertInto("emailOutbox")
    .values({
      toEmail: email.to.toLowerCase(),
      locale: email.locale,
      template: email.template,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await enqueue(trx, QUEUES.sendEmail.name, { outboxId: row.id });
  return row.id;
}

let transporter: Transporter | null | undefined;

/** SMTP when SMTP_URL is set; otherwise null: the outbox itself is the dev mailbox. */
function smtp(): Transporter | null {
  if (transporter === undefined) {
    const url = env().SMTP_URL;
    transporter = url ? nodemailer.createTransport(url) : null;
  }
  return transporter;
}

/**
 * The email job: sends one outbox message. Idempotent — a message already
 * sent is not sent again when a retry or a second worker picks the job up.
 */
export async function deliverEmail(db: Database, outboxId: string, now: Date): Promise<"sent" | "skipped"> {
  const message = await db
    .selectFrom("emailOutbox")
    .select(["id", "toEmail", "subject", "textBody", "htmlBody", "status", "attempts"])
    .where("id", "=", outboxId)
    .executeTakeFirst();
  if (!message || message.status === "sent") return "skipped";
  const transport = smtp();
  try {
    if (transport) {
      await transport.sendMail({
        from: env().MAIL_FROM,
        to: message.toEmail,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
      });
    }
    await db
      .updateTable("emailOutbox")
      .set({ status: "sent", transport: transport ? "smtp" : "dev-mailbox", sentAt: now, attempts: message.attempts + 1, lastError: null })
      .where("id", "=", outboxId)
      .execute();
    log.info("email sent", { outboxId, to: maskEmail(message.toEmail), transport: transport ? "smtp" : "dev-mailbox" });
    return "sent";
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 500) : String(error);
    await db
      .updateTable("emailOutbox")
      .set({ attempts: message.attempts + 1, lastError: reason, status: message.attempts + 1 >= QUEUES.sendEmail.retryLimit ? "failed" : "queued" })
      .where("id", "=", outboxId)
      .execute();
    throw error;
  }
}
