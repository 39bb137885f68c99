// A sentence of the catalog cut around one placeable, so the UI can put the
// customer's words there in an isolate of their own (<bdi>): a right-to-left
// name or an override in them then cannot reorder the UI's words around it.
// (The conversation list's preview does the same for "You: …".)

type T = (id: string, args?: Record<string, string>) => string;

const MARK = "\uE000";

/** The words of `id` before and after its `{ $name }` placeable (the whole sentence before it when it has none). */
export function around(t: T, id: string, name: string): { before: string; after: string } {
  const sentence = t(id, { [name]: MARK });
  const at = sentence.indexOf(MARK);
  if (at < 0) return { before: sentence, after: "" };
  // Fluent's isolation marks (right-to-left catalogs) go with the placeable: the <bdi> isolates instead.
  return { before: sentence.slice(0, at).replace(/\u2068$/, ""), after: sentence.slice(at + MARK.length).replace(/^\u2069/, "") };
}
