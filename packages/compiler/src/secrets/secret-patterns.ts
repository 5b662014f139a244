/** Names that suggest a secret (`--password`, `API_KEY`, `accessToken`, ...). */
export const SECRET_NAME =
  /(?:pass(?:word|wd)?|secret|token|api[_-]?key|access[_-]?key|account[_-]?key|credential|sas)/i;

/** Shapes of well-known secrets. */
const SECRET_VALUES = [
  /dapi[0-9a-f]{32}/i, // Databricks personal access token
  /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/, // JWT
  /[A-Za-z0-9+/]{86}==/, // Azure storage account key
  /sig=[\w%]{20,}/, // SAS signature
  /gh[pousr]_[A-Za-z0-9]{36}/, // GitHub token
];

/** Whether a value has the shape of a well-known secret. */
export function looksLikeSecret(value: string): boolean {
  return SECRET_VALUES.some((pattern) => pattern.test(value));
}

/**
 * Masks secrets in a line of source text before it is shown (code frames): values with a secret's
 * shape, and string literals assigned to secret-sounding names.
 */
export function redactSecrets(line: string): string {
  let text = line;
  for (const pattern of SECRET_VALUES)
    text = text.replace(new RegExp(pattern.source, `${pattern.flags}g`), "***");
  return text.replace(
    new RegExp(`(${SECRET_NAME.source}\\w*["']?\\s*[:=]\\s*)(["'\`])[^"'\`]*\\2`, "gi"),
    (_match, prefix: string, quote: string) => `${prefix}${quote}***${quote}`,
  );
}
