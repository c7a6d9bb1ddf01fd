import type { Kysely, Transaction } from "kysely";

import type { DB } from "../../../db/schema";
import { enqueueEmail } from "../email/outbox.server";
import { isLocale } from "../i18n/config";
import { notifyAccountOwner } from "../notify.server";

/** Notices about payments; words in `email-payments:staffNotice.<kind>`. */
export type PaymentNoticeKind = "renewalPaid" | "paymentRefused" | "duplicatePayment" | "paymentRefunded" | "paymentFailed";

export interface PaymentNotice {
  accountId: string | null;
  kind: PaymentNoticeKind;
  url: string;
  values: Record<string, string | number>;
  contractId?: string | null;
  quoteId?: string | null;
}

/**
 * Tells the success team, in the caller's transaction: the account's success
 * manager when there is one; otherwise (no account known, or nobody owns it)
 * every active administrator, so a payment problem is never told to nobody.
 */
export async function alertSuccessTeam(trx: Kysely<DB> | Transaction<DB>, notice: PaymentNotice): Promise<void> {
  if (notice.accountId) {
    const told = await notifyAccountOwner(trx, {
      accountId: notice.accountId,
      kind: notice.kind,
      ns: "email-payments",
      url: notice.url,
      values: notice.values,
      contractId: notice.contractId ?? null,
      quoteId: notice.quoteId ?? null,
    });
    if (told) return;
  }
  const admins = await trx
    .selectFrom("staffUsers")
    .select(["id", "email", "name", "locale"])
    .where("role", "=", "admin")
    .where("active", "=", true)
    .execute();
  for (const admin of admins) {
    await trx
      .insertInto("staffNotifications")
      .values({
        staffUserId: admin.id,
        kind: notice.kind,
        accountId: notice.accountId,
        contractId: notice.contractId ?? null,
        quoteId: notice.quoteId ?? null,
        data: JSON.stringify({ ns: "email-payments", url: notice.url, values: notice.values }),
      })
      .execute();
    await enqueueEmail(trx, {
      to: admin.email,
      locale: isLocale(admin.locale) ? admin.locale : "en",
      template: "paymentAlert",
      params: { kind: notice.kind, staffName: admin.name, url: notice.url, values: notice.values },
    });
  }
}
