/**
 * Text from a user's file, made safe to print on a terminal: C0/C1 control characters (ANSI and OSC
 * escapes among them, which could repaint the screen or fake a green "0 errors") are shown as
 * `\uXXXX`; tabs are kept.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every control character but tab and newline shown escaped. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Splits a file into lines on LF, CRLF and lone CR (old Mac files), as editors count them. */
export function sourceLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
