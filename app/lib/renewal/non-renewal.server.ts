import type { NonRenewalInput } from "~/domain/renewal/schemas";
import { recordAudit } from "~/models/audit.server";
import { insertNonRenewal, turnOffAutoRenew } from "~/models/non-renewal.server";

import { appUrl } from "../auth/sign-in.server";
import { notifyAccountOwner } from "../notify.server";
import { clock, db } from "../services.server";
import type { RenewalActor } from "./access.server";

/**
 * "Confirm that we won't renew": the reasons in the customer's words (a
 * survey_responses row), auto-renew off, an audit event and a notice to the
 * success manager, all in one transaction. Renewing later undoes nothing
 * here: a confirmed quote after this answer simply supersedes it.
 */
export async function recordNonRenewal(
  request: Request,
  input: { accountId: string; contractId: string; contractNumber: string; actor: RenewalActor; form: NonRenewalInput; requestId?: string | null },
): Promise<string> {
  const now = clock().now();
  return db()
    .transaction()
    .execute(async (trx) => {
      const id = await insertNonRenewal(trx, {
        accountId: input.accountId,
        contractId: input.contractId,
        contactId: input.actor.contactId,
        reasons: input.form.reasons,
        comment: input.form.comment,
        now,
      });
      const autoRenewWasOn = await turnOffAutoRenew(trx, input.accountId, input.contractId);
      await recordAudit(trx, {
        actorKind: input.actor.kind,
        actorId: input.actor.auditId,
        accountId: input.accountId,
        entityType: "contract",
        entityId: input.contractId,
        action: "contract.not_renewing",
        data: { surveyResponseId: id, reasons: input.form.reasons, autoRenewTurnedOff: autoRenewWasOn },
        requestId: input.requestId ?? null,
        at: now,
      });
      await notifyAccountOwner(trx, {
        accountId: input.accountId,
        kind: "notRenewing",
        ns: "email-quotes",
        url: appUrl(request, "/staff"),
        values: { contract: input.contractNumber, reasons: input.form.reasons.join(", "), comment: input.form.comment ?? "—" },
        contractId: input.contractId,
      });
      return id;
    });
}
