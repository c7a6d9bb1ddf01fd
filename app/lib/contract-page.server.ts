import { buildContractPage, type ContractPageView } from "~/domain/subscriptions";
import { notFound, parseIdOr404, requireCustomer } from "~/lib/auth/guards.server";
import { todayIso } from "~/lib/dates";
import { incentiveStepsFor } from "~/lib/incentive-steps.server";
import { clock, db } from "~/lib/services.server";
import { findContractForAccount } from "~/models/contracts.server";

/**
 * One contract of the signed-in customer's account, as its page (and the
 * printable recap) show it. A malformed id, or another account's, throws the
 * 404 response: the query is scoped by the session's account, whatever the URL says.
 */
export async function loadContractPage(
  request: Request,
  contractIdParam: string | undefined,
): Promise<{ accountName: string; view: ContractPageView }> {
  const customer = await requireCustomer(request);
  const contractId = parseIdOr404(contractIdParam);
  const detail = await findContractForAccount(db(), customer.accountId, contractId);
  if (!detail) notFound();
  const today = todayIso(clock());
  const steps = await incentiveStepsFor(db(), detail.contract.segment, today);
  return { accountName: customer.accountName, view: buildContractPage(detail, today, steps(detail.contract, today)) };
}
