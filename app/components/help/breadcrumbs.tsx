import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface Crumb {
  to?: string;
  label: string;
}

/** Where the page sits in the help centre; the last crumb is the page itself. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const { t } = useTranslation("help");
  return (
    <nav aria-label={t("breadcrumb.label")} className="breadcrumbs">
      <ol>
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`}>
            {item.to && index < items.length - 1 ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
