/** How to reach a human (docs/product-policies.md, "Support"). */
export const SUPPORT_PHONE = "+60 3-2789 0365";
export const SUPPORT_PHONE_HREF = "tel:+60327890365";
export const SUPPORT_EMAIL = "support@customer365.example";
