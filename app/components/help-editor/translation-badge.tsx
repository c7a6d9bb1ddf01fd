import { useTranslation } from "react-i18next";

import type { TranslationState } from "~/domain/help/editor";

const STYLE: Record<TranslationState, string> = {
  published: "badge-success",
  draft: "badge-neutral",
  stale: "badge-warning",
  missing: "badge-danger",
};

/** One language version's state in the editor: published, draft, outdated (stale) or missing. */
export function TranslationBadge({ state }: { state: TranslationState }) {
  const { t } = useTranslation("staff-help");
  return <span className={`badge ${STYLE[state]}`}>{t(`states.${state}`)}</span>;
}
