/**
 * The quote as a PDF for procurement: seller and customer, quote number,
 * version, dates, every line and discount, the total, the new term, the PO
 * number and the terms in short. Generated on the server with pdfkit, in the
 * reader's language.
 *
 * Chinese needs a CJK font. The Noto Sans CJK collections (Debian's
 * fonts-noto-cjk, installed here and in CI) are used when present; without
 * them the PDF is still produced with a Latin font and a warning is logged,
 * because a procurement document with missing glyphs beats no document.
 */
import { existsSync, readFileSync } from "node:fs";

import PDFDocument from "pdfkit";

import type { StoredQuote } from "~/models/quotes.server";

import { formatDate, formatMoney } from "../format";
import { getFixedT } from "../i18n/i18n.server";
import type { Locale } from "../i18n/config";
import { log } from "../log.server";
import { describeLine } from "./lines";

/** Where Debian/Ubuntu (fonts-noto-cjk), Arch and Fedora install the collections. */
const CJK_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/share/fonts/google-noto-cjk"];

/** PostScript names of the faces inside the Noto Sans CJK collections. */
const CJK_FACES: Partial<Record<Locale, string>> = { "zh-Hans": "NotoSansCJKsc", "zh-Hant": "NotoSansCJKtc" };

interface CjkFonts {
  regular: Buffer;
  bold: Buffer;
}

let cjkFonts: CjkFonts | null | undefined;

/** Reads the collections once per process (about 20 MB each; re-reading costs ~0.4 s a PDF). */
function loadCjkFonts(): CjkFonts | null {
  if (cjkFonts !== undefined) return cjkFonts;
  for (const dir of CJK_DIRS) {
    const regular = `${dir}/NotoSansCJK-Regular.ttc`;
    const bold = `${dir}/NotoSansCJK-Bold.ttc`;
    if (existsSync(regular)) {
      cjkFonts = { regular: readFileSync(regular), bold: existsSync(bold) ? readFileSync(bold) : readFileSync(regular) };
      return cjkFonts;
    }
  }
  cjkFonts = null;
  return null;
}

/** For tests: forget the cached fonts (and pretend none exist with `missing`). */
export function resetPdfFonts(missing = false) {
  cjkFonts = missing ? null : undefined;
}

export interface QuotePdfInput {
  locale: Locale;
  quote: StoredQuote;
  customer: { accountName: string; country: string; ownerName: string | null; ownerEmail: string | null };
  /** Whether the price is no longer held (printed as a warning). */
  expired: boolean;
}

export interface QuotePdf {
  buffer: Buffer;
  /** The font the text was set in ("Helvetica" or a CJK face). */
  font: string;
}

export async function renderQuotePdf(input: QuotePdfInput): Promise<QuotePdf> {
  const { quote, locale } = input;
  const t = getFixedT(locale, "renewal");
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    // Uncompressed content streams keep the text greppable (tests, archiving tools); quotes are small.
    compress: false,
    info: { Title: t("pdf.title", { number: quote.number }), Author: "Customer365", Subject: quote.contractNumber },
    lang: locale,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  let regular = "Helvetica";
  let bold = "Helvetica-Bold";
  const face = CJK_FACES[locale];
  if (face) {
    const fonts = loadCjkFonts();
    if (fonts) {
      doc.registerFont("cjk", fonts.regular, `${face}-Regular`);
      doc.registerFont("cjk-bold", fonts.bold, `${face}-Bold`);
      regular = "cjk";
      bold = "cjk-bold";
    } else {
      log.warn("no CJK font found: the quote PDF falls back to a Latin font", { locale, dirs: CJK_DIRS.join(",") });
    }
  }

  const money = (amount: number) => formatMoney(amount, quote.currency, locale);
  const date = (iso: string) => formatDate(iso, locale, "long");
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const muted = "#4a5563";
  const ink = "#1b2430";

  // Header: seller on the left, the quote's identity on the right.
  const top = doc.y;
  doc.font(bold).fontSize(18).fillColor("#0b5cad").text("Customer365", left, top);
  doc.font(regular).fontSize(9).fillColor(muted);
  for (const line of t("pdf.seller", { returnObjects: true }) as string[]) doc.text(line);
  const rightX = left + width / 2;
  doc.font(bold).fontSize(16).fillColor(ink).text(t("pdf.title", { number: quote.number }), rightX, top, { width: width / 2, align: "right" });
  doc.font(regular).fontSize(9).fillColor(ink);
  const facts: [string, string][] = [
    [t("pdf.version"), String(quote.version)],
    [t("pdf.date"), date(quote.pricedAt.toISOString().slice(0, 10))],
    [t("pdf.validUntil"), date(quote.expiresAt.toISOString().slice(0, 10))],
    [t("pdf.contract"), quote.contractNumber],
  ];
  for (const [label, value] of facts) doc.text(`${label}: ${value}`, rightX, doc.y, { width: width / 2, align: "right" });

  // Customer block.
  doc.moveDown(2);
  const customerTop = Math.max(doc.y, top + 90);
  doc.font(bold).fontSize(10).fillColor(muted).text(t("pdf.preparedFor"), left, customerTop);
  doc.font(bold).fontSize(12).fillColor(ink).text(input.customer.accountName);
  doc.font(regular).fontSize(9);
  doc.text(`${t("pdf.country")}: ${input.customer.country}`);
  doc.text(`${t("pdf.poNumber")}: ${quote.poNumber ?? t("pdf.none")}`);
  if (quote.billingEmail) doc.text(`${t("pdf.billingContact")}: ${quote.billingEmail}`);
  if (input.customer.ownerName) {
    doc.text(`${t("pdf.successManager")}: ${input.customer.ownerName}${input.customer.ownerEmail ? ` <${input.customer.ownerEmail}>` : ""}`);
  }
  if (input.expired) {
    doc.moveDown(0.5).font(bold).fillColor("#a61b1b").text(t("pdf.expired")).fillColor(ink);
  }

  // The lines.
  doc.moveDown(1.2);
  const cols = [
    { key: "item", x: left, w: width * 0.5, align: "left" as const },
    { key: "detail", x: left + width * 0.5, w: width * 0.3, align: "left" as const },
    { key: "amount", x: left + width * 0.8, w: width * 0.2, align: "right" as const },
  ];
  const header = [t("pdf.columns.item"), t("pdf.columns.detail"), t("pdf.columns.amount")];
  let y = doc.y;
  doc.rect(left, y - 4, width, 20).fill("#f4f6f9").fillColor(ink);
  doc.font(bold).fontSize(9);
  header.forEach((text, i) => doc.text(text, cols[i]!.x + 4, y + 2, { width: cols[i]!.w - 8, align: cols[i]!.align }));
  y += 22;
  doc.font(regular).fontSize(9);
  for (const line of quote.lines) {
    const text = describeLine(t, line, quote.currency, locale);
    const heights = [
      doc.heightOfString(text.name, { width: cols[0]!.w - 8 }),
      doc.heightOfString(text.arithmetic ?? "", { width: cols[1]!.w - 8 }),
    ];
    const rowHeight = Math.max(...heights, 12) + 8;
    if (y + rowHeight > doc.page.height - doc.page.margins.bottom - 120) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    doc.text(text.name, cols[0]!.x + 4, y, { width: cols[0]!.w - 8 });
    doc.fillColor(muted).text(text.arithmetic ?? "", cols[1]!.x + 4, y, { width: cols[1]!.w - 8 }).fillColor(ink);
    doc.text(line.kind === "bonus" ? t("breakdown.included") : money(line.amount), cols[2]!.x + 4, y, { width: cols[2]!.w - 8, align: "right" });
    y += rowHeight;
    doc.moveTo(left, y - 4).lineTo(left + width, y - 4).lineWidth(0.5).strokeColor("#d3d9e1").stroke();
  }

  // Totals.
  const totals: [string, string, boolean][] = [
    [t("pricing:totals.subtotal"), money(quote.subtotal), false],
    [t("pricing:totals.discountTotal"), money(-quote.discountTotal), false],
    [t("pricing:totals.totalForTerm", { count: quote.termYears }), money(quote.total), true],
  ];
  y += 4;
  for (const [label, value, strong] of totals) {
    doc.font(strong ? bold : regular).fontSize(strong ? 11 : 9);
    doc.text(label, left + width * 0.4, y, { width: width * 0.4 - 4, align: "right" });
    doc.text(value, cols[2]!.x + 4, y, { width: cols[2]!.w - 8, align: "right" });
    y += strong ? 18 : 14;
  }

  doc.font(regular).fontSize(9).fillColor(ink);
  doc.text(t("pdf.currency", { currency: quote.currency }), left, y + 6, { width });
  doc.moveDown(0.8);
  doc.font(bold).fontSize(10).text(t("pdf.newTerm", { start: date(quote.newTermStart), end: date(quote.newTermEnd) }));
  doc.moveDown(0.8);
  doc.font(bold).fontSize(10).text(t("pdf.termsTitle"));
  doc.font(regular).fontSize(8.5).fillColor(muted);
  for (const line of t("terms.summary", { returnObjects: true }) as string[]) doc.text(`• ${line}`, { width });
  doc.moveDown(0.5).fillColor(ink).text(t("breakdown.noHiddenFees"), { width });

  doc.end();
  return { buffer: await done, font: regular === "cjk" ? `${face}-Regular` : "Helvetica" };
}
