import { buildContractPage, earlyRenewalStep, type ContractDetail, type IncentiveFor } from "../../app/domain/subscriptions";
import { seededRules } from "../unit/pricing/support";

const rules = seededRules();

/** The early-renewal step from the seeded incentive rules (docs/product-policies.md). */
export const seededStep: IncentiveFor = (contract, today) => earlyRenewalStep(rules, contract, today);

/** buildContractPage with the seeded rules' step for that contract. */
export function contractPageFor(detail: ContractDetail, today: string) {
  return buildContractPage(detail, today, seededStep(detail.contract, today));
}
