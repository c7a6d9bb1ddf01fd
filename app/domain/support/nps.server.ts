/**
 * NPS: "How likely are you to recommend Customer365?" from the account menu
 * (/feedback/nps) and, later, the renewal confirmation page. One answer per
 * contact per NPS_WINDOW_DAYS: a second answer inside the window replaces the
 * first (its score, and its comment when a new one is given) instead of
 * counting twice, so the report weighs every contact once per quarter and a
 * person can still change their mind. The window starts at the first answer.
 *
 * Another page adopts the survey with `<NpsForm>` (app/components/nps-form.tsx)
 * and, in its own action, `submitNps(...)` when the posted intent is "nps".
 */
import { parseForm } from "~/lib/forms";
import type { Database } from "~/lib/db.server";
import { recordAudit } from "~/models/audit.server";
import { findRecentNps, insertNps, lockContact, updateNps } from "~/models/surveys.server";

import { NpsSchema } from "./schemas";
import { NPS_WINDOW_DAYS, type NpsActionData, type NpsPrevious } from "./surveys";

const DAY_MS = 86_400_000;

export interface NpsRespondent {
  accountId: string;
  contactId: string;
}

/** Where the answer was given, kept with it (e.g. the renewal it followed). */
export interface NpsContext {
  contractId?: string | null;
  quoteId?: string | null;
  requestId?: string | null;
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - NPS_WINDOW_DAYS * DAY_MS);
}

/** The contact's answer in the current window, for the form to show, or null. */
export async function findNpsPrevious(db: Database, contactId: string, now: Date): Promise<NpsPrevious | null> {
  const answer = await findRecentNps(db, contactId, windowStart(now));
  if (!answer) return null;
  return {
    score: answer.score,
    comment: answer.comment,
    answeredOn: answer.createdAt.toISOString().slice(0, 10),
    replaceableUntil: new Date(answer.createdAt.getTime() + NPS_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10),
  };
}

/** Saves an answer already validated; "replaced" when it updated one in the window. */
export async function saveNpsAnswer(
  db: Database,
  who: NpsRespondent,
  answer: { score: number; comment: string | null },
  now: Date,
  context: NpsContext = {},
): Promise<{ replaced: boolean }> {
  return db.transaction().execute(async (trx) => {
    await lockContact(trx, who.contactId);
    const previous = await findRecentNps(trx, who.contactId, windowStart(now));
    let id: string;
    if (previous) {
      await updateNps(trx, previous.id, answer);
      id = previous.id;
    } else {
      id = await insertNps(trx, {
        accountId: who.accountId,
        contactId: who.contactId,
        contractId: context.contractId ?? null,
        quoteId: context.quoteId ?? null,
        score: answer.score,
        comment: answer.comment,
        now,
      });
    }
    await recordAudit(trx, {
      actorKind: "contact",
      actorId: who.contactId,
      accountId: who.accountId,
      entityType: "survey_response",
      entityId: id,
      action: previous ? "nps.replaced" : "nps.answered",
      data: { score: answer.score, previousScore: previous?.score ?? null, commented: Boolean(answer.comment) },
      requestId: context.requestId ?? null,
      at: now,
    });
    return { replaced: Boolean(previous) };
  });
}

/**
 * The action side of `<NpsForm>`: validates the posted form with the shared
 * schema and saves it. Bad input answers the field messages and saves
 * nothing; the caller returns the result with status 400 when `ok` is false.
 */
export async function submitNps(
  db: Database,
  who: NpsRespondent,
  form: FormData | URLSearchParams,
  now: Date,
  context: NpsContext = {},
): Promise<NpsActionData> {
  const parsed = parseForm(form, NpsSchema);
  if (!parsed.ok) return { intent: "nps", ok: false, errors: parsed.errors };
  const { replaced } = await saveNpsAnswer(db, who, { score: parsed.data.score, comment: parsed.data.comment }, now, context);
  return { intent: "nps", ok: true, score: parsed.data.score, replaced };
}
