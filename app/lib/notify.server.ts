import type { Kysely, Transaction } from "kysely";

import type { DB } from "../../db/schema";
import { enqueueEmail } from "./email/outbox.server";
import { isLocale } from "./i18n/config";

export interface StaffNoticeInput {
  accountId: string;
  /** What happened, e.g. "quote.shared"; also the key under `<ns>:staffNotice`. */
  kind: string;
  /** The locale namespace holding `staffNotice.<kind>.subject|body`. */
  ns: string;
  /** Where the notice leads (absolute URL). */
  url: string;
  values?: Record<string, string | number>;
  contractId?: string | null;
  quoteId?: string | null;
}

/**
 * Tells the account's success manager that something happened: an in-app
 * notification and an email in their language, both in the caller's
 * transaction. An account without an owner notifies nobody.
 */
export async function notifyAccountOwner(trx: Kysely<DB> | Transaction<DB>, notice: StaffNoticeInput): Promise<boolean> {
  const owner = await trx
    .selectFrom("accounts")
    .innerJoin("staffUsers", "staffUsers.id", "accounts.ownerStaffId")
    .select(["accounts.name as accountName", "staffUsers.id", "staffUsers.email", "staffUsers.name", "staffUsers.locale"])
    .where("accounts.id", "=", notice.accountId)
    .where("staffUsers.active", "=", true)
    .executeTakeFirst();
  if (!owner) return false;
  const values = notice.values ?? {};
  await trx
    .insertInto("staffNotifications")
    .values({
      staffUserId: owner.id,
      kind: notice.kind,
      accountId: notice.accountId,
      contractId: notice.contractId ?? null,
      quoteId: notice.quoteId ?? null,
      data: JSON.stringify({ ns: notice.ns, url: notice.url, values }),
    })
    .execute();
  await enqueueEmail(trx, {
    to: owner.email,
    locale: isLocale(owner.locale) ? owner.locale : "en",
    template: "staffNotice",
    params: { ns: notice.ns, kind: notice.kind, staffName: owner.name, accountName: owner.accountName, url: notice.url, values },
  });
  return true;
}
