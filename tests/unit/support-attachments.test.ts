import { describe, expect, it } from "vitest";

import {
  checkAttachment,
  contentDisposition,
  MAX_ATTACHMENT_BYTES,
  sanitiseFilename,
  sniffFileType,
} from "~/domain/support/attachments";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
const TEXT = new TextEncoder().encode("Shipment import log\r\nrow 10000: stopped\tno error\n");
const CSV = new TextEncoder().encode("id,name,seats\n1,Northwind,120\n2,陳怡君,25\n");
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const GIF = new TextEncoder().encode("GIF89a\x01\x00\x01\x00");

describe("sniffFileType reads the bytes, not the name", () => {
  it("recognises PNG, JPEG and PDF by their signatures", () => {
    expect(sniffFileType(PNG)).toBe("png");
    expect(sniffFileType(JPEG)).toBe("jpeg");
    expect(sniffFileType(PDF)).toBe("pdf");
  });

  it("recognises UTF-8 text, including CJK, tabs and Windows line endings", () => {
    expect(sniffFileType(TEXT)).toBe("text");
    expect(sniffFileType(CSV)).toBe("text");
  });

  it("refuses executables, invalid UTF-8 and text with control bytes", () => {
    expect(sniffFileType(EXE)).toBeNull();
    expect(sniffFileType(Uint8Array.from([0x68, 0x69, 0xc3, 0x28]))).toBeNull();
    expect(sniffFileType(Uint8Array.from([0x68, 0x69, 0x00, 0x69]))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });

  it("does not take a truncated signature for the real thing", () => {
    expect(sniffFileType(PNG.subarray(0, 4))).toBe(null);
    expect(sniffFileType(Uint8Array.from([0xff, 0xd8]))).toBe(null);
  });
});

describe("checkAttachment", () => {
  it("accepts a file whose content matches its extension, and stores our type (not the browser's) and a lower-case extension", () => {
    expect(checkAttachment("screenshot.PNG", PNG)).toEqual({ ok: true, kind: "png", contentType: "image/png", filename: "screenshot.png" });
    expect(checkAttachment("photo.jpg", JPEG)).toMatchObject({ ok: true, kind: "jpeg", contentType: "image/jpeg" });
    expect(checkAttachment("invoice.pdf", PDF)).toMatchObject({ ok: true, kind: "pdf", contentType: "application/pdf" });
    expect(checkAttachment("import.log.txt", TEXT)).toMatchObject({ ok: true, kind: "txt", contentType: "text/plain; charset=utf-8" });
    expect(checkAttachment("seats.csv", CSV)).toMatchObject({ ok: true, kind: "csv", contentType: "text/csv; charset=utf-8" });
  });

  it("refuses a lying extension", () => {
    expect(checkAttachment("holiday.png", EXE)).toEqual({ ok: false, problem: "mismatch" });
    expect(checkAttachment("invoice.pdf", PNG)).toEqual({ ok: false, problem: "mismatch" });
    expect(checkAttachment("notes.txt", PDF)).toEqual({ ok: false, problem: "mismatch" });
    expect(checkAttachment("image.jpg", GIF)).toEqual({ ok: false, problem: "mismatch" });
  });

  it("refuses types that are not on the list, whatever their content", () => {
    expect(checkAttachment("setup.exe", EXE)).toEqual({ ok: false, problem: "type" });
    expect(checkAttachment("page.html", new TextEncoder().encode("<script>alert(1)</script>"))).toEqual({ ok: false, problem: "type" });
    expect(checkAttachment("image.svg", new TextEncoder().encode("<svg onload=alert(1)>"))).toEqual({ ok: false, problem: "type" });
    expect(checkAttachment("no-extension", TEXT)).toEqual({ ok: false, problem: "type" });
    expect(checkAttachment("invoice.pdf.exe", PDF)).toEqual({ ok: false, problem: "type" });
  });

  it("refuses empty files and files over 5 MB", () => {
    expect(checkAttachment("empty.txt", new Uint8Array())).toEqual({ ok: false, problem: "empty" });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PNG);
    expect(checkAttachment("big.png", big)).toEqual({ ok: false, problem: "tooLarge" });
    const exactly = new Uint8Array(MAX_ATTACHMENT_BYTES);
    exactly.set(PNG);
    expect(checkAttachment("limit.png", exactly)).toMatchObject({ ok: true });
  });
});

describe("sanitiseFilename", () => {
  it("keeps a normal name, including non-Latin scripts", () => {
    expect(sanitiseFilename("Invoice 2026-11.pdf")).toBe("Invoice 2026-11.pdf");
    expect(sanitiseFilename("陳怡君的發票.pdf")).toBe("陳怡君的發票.pdf");
    expect(sanitiseFilename("Laporan penggunaan Mac.csv")).toBe("Laporan penggunaan Mac.csv");
  });

  it("drops directories and traversal", () => {
    expect(sanitiseFilename("../../etc/passwd.txt")).toBe("passwd.txt");
    expect(sanitiseFilename("C:\\Users\\amelia\\Desktop\\shot.png")).toBe("shot.png");
    expect(sanitiseFilename("..")).toBe("attachment");
  });

  it("removes control, bidirectional and invisible characters that disguise a name", () => {
    // U+202E RIGHT-TO-LEFT OVERRIDE makes "invoice‮fdp.exe" display as "invoiceexe.pdf".
    expect(sanitiseFilename("invoice\u202Efdp.txt")).toBe("invoicefdp.txt");
    expect(sanitiseFilename("a\u0000b\u200Bc\n.png")).toBe("abc.png");
  });

  it("replaces characters that are reserved in file systems and headers", () => {
    expect(sanitiseFilename('a<b>c:d"e|f?g*h;i.txt')).toBe("a_b_c_d_e_f_g_h_i.txt");
    expect(sanitiseFilename("100%.csv")).toBe("100_.csv");
  });

  it("removes leading dots (hidden files) and trailing dots and spaces", () => {
    expect(sanitiseFilename(".htaccess.txt")).toBe("htaccess.txt");
    expect(sanitiseFilename("report.pdf. . ")).toBe("report.pdf");
  });

  it("cuts long names to 120 characters, keeping the extension and whole characters", () => {
    const long = sanitiseFilename(`${"报".repeat(300)}.pdf`);
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith("报.pdf")).toBe(true);
  });

  it("names a file that has only an extension", () => {
    expect(sanitiseFilename(".png")).toBe("png");
    expect(sanitiseFilename("   .pdf")).toBe("pdf");
    expect(sanitiseFilename("\u202E.pdf")).toBe("pdf");
  });
});

describe("contentDisposition", () => {
  it("always downloads, with an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("report.pdf")).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition("陳怡君 (1).pdf")).toBe(
      `attachment; filename="___ (1).pdf"; filename*=UTF-8''%E9%99%B3%E6%80%A1%E5%90%9B%20%281%29.pdf`,
    );
  });

  it("cannot be broken out of by quotes or line breaks", () => {
    const header = contentDisposition('a"; filename="evil.html\r\nX-Injected: 1.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="a_; filename=_evil.html__X-Injected: 1.txt";')).toBe(true);
  });
});
