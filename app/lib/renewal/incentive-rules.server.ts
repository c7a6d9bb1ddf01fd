import type { IncentiveRuleInput } from "~/domain/renewal/schemas";
import { recordAudit } from "~/models/audit.server";
import { findIncentiveRule, insertIncentiveRule, updateIncentiveRule, type IncentiveRuleValues } from "~/models/incentive-rules.server";

import { log } from "../log.server";
import { clock, db } from "../services.server";

export type SaveRuleResult = { ok: true; id: string } | { ok: false; status: 404 | 409; error: string };

/**
 * Adds or changes an incentive rule, with an audit event holding the rule
 * before and after. The form schema mirrors the table's CHECKs; should the
 * database still refuse (a constraint added later), the admin reads a
 * message and nothing is saved.
 */
export async function saveIncentiveRule(input: {
  staffUserId: string;
  ruleId: string | null;
  values: IncentiveRuleInput;
  requestId?: string | null;
}): Promise<SaveRuleResult> {
  const now = clock().now();
  const { segment, ...rest } = input.values;
  const values: IncentiveRuleValues = { ...rest, segment: segment === "all" ? null : segment };
  try {
    return await db()
      .transaction()
      .execute(async (trx): Promise<SaveRuleResult> => {
        const before = input.ruleId ? await findIncentiveRule(trx, input.ruleId) : null;
        if (input.ruleId && !before) return { ok: false, status: 404, error: "renewal:rules.errors.notFound" };
        const id = input.ruleId ?? (await insertIncentiveRule(trx, values, input.staffUserId, now));
        if (input.ruleId) await updateIncentiveRule(trx, input.ruleId, values, input.staffUserId, now);
        await recordAudit(trx, {
          actorKind: "staff",
          actorId: input.staffUserId,
          accountId: null,
          entityType: "incentive_rule",
          entityId: id,
          action: input.ruleId ? "incentive_rule.updated" : "incentive_rule.created",
          data: { before: before ?? null, after: values },
          requestId: input.requestId ?? null,
          at: now,
        });
        return { ok: true, id };
      });
  } catch (error) {
    // 23514: check_violation, 23502: not_null_violation.
    const code = (error as { code?: string }).code;
    if (code === "23514" || code === "23502") {
      log.warn("incentive rule refused by the database", { code });
      return { ok: false, status: 409, error: "renewal:rules.errors.constraint" };
    }
    throw error;
  }
}
