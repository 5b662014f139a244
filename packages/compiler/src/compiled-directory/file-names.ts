/** Keeps file names portable: letters, digits, `-`, `_` and `.`; anything else becomes `_`. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_");
}
