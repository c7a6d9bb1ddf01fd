export { AccountHome } from "./account-home";
export { AdoptionHelp } from "./adoption-help";
export { ContractCard } from "./contract-card";
export { DocumentsList, LineItemsTable, PeopleList, RenewalHistoryTable } from "./contract-sections";
export { ContractSummary } from "./contract-summary";
export { ContractBadge } from "./contract-status";
export { DEFAULT_LINKS, withLinks, type SubscriptionLinks } from "./links";
export { UsageCharts } from "./usage-charts";
export { ValueRecapSection } from "./value-recap";
