/** The first line of an error's message (or of a thrown non-error), never a stack trace. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === "string" ? error : safeString(error);
  return text.split("\n")[0] ?? "";
}

function safeString(value: unknown): string {
  try {
    return `a thrown ${typeof value}: ${JSON.stringify(value) ?? String(value)}`;
  } catch {
    return `a thrown ${typeof value}`;
  }
}
