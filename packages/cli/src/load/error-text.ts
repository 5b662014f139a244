/** How errors from users' pipeline modules are shown: one line by default, the stack only when asked. */

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

/** `hint`, followed by the error's stack trace when debugging. */
export function withStack(hint: string, error: unknown, debug: boolean): string {
  const stack = error instanceof Error ? error.stack : undefined;
  return debug && stack ? `${hint}\n${stack}` : hint;
}
