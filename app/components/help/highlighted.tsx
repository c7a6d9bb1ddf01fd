import { Fragment } from "react";

import type { SnippetPart } from "~/domain/help/snippet";

/** Snippet parts as text, matches in <mark>: React escapes every part. */
export function Highlighted({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.mark ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
