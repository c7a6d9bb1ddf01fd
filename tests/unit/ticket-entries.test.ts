import { describe, expect, it } from "vitest";

import { attachmentEntries, conversationEntries, fileSize } from "../../app/lib/ticket-entries.server";

describe("a request's conversation as the page shows it", () => {
  it("gives file sizes in kB from 1 and in MB from a megabyte, in the reader's language", () => {
    expect(fileSize(0, "en")).toBe("1 kB");
    expect(fileSize(1_500, "en")).toBe("1 kB");
    expect(fileSize(300 * 1024, "en")).toBe("300 kB");
    expect(fileSize(1.5 * 1024 * 1024, "en")).toBe("1.5 MB");
    expect(fileSize(1.5 * 1024 * 1024, "ms")).toMatch(/^1[.,]5\s?MB$/);
  });

  it("keeps the ISO instant for <time> and shows it formatted in UTC, naming authors as asked", () => {
    const at = new Date("2026-11-25T23:30:00Z");
    const [mine, theirs] = conversationEntries(
      [
        { id: "1", authorKind: "contact", contactId: "me", authorName: "Amelia Hart", body: "Hello", createdAt: at },
        { id: "2", authorKind: "staff", contactId: null, authorName: "Priya", body: "Hi", createdAt: at },
      ],
      "en",
      (m) => (m.contactId === "me" ? null : m.authorName),
    );
    expect(mine).toEqual({ id: "1", side: "contact", authorName: null, body: "Hello", createdAt: "2026-11-25T23:30:00.000Z", sentAt: expect.stringContaining("25 Nov 2026") });
    expect(mine!.sentAt).toContain("23:30");
    expect(theirs).toMatchObject({ side: "staff", authorName: "Priya" });
  });

  it("links each file where the caller says", () => {
    const files = attachmentEntries(
      [{ id: "f1", filename: "board.png", contentType: "image/png", sizeBytes: 2_048, createdAt: new Date() }],
      "en",
      (a) => `/support/requests/t1/attachments/${a.id}`,
    );
    expect(files).toEqual([{ id: "f1", filename: "board.png", size: "2 kB", href: "/support/requests/t1/attachments/f1" }]);
  });
});
