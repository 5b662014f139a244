/**
 * Comment text built from untrusted input (YAML comments, descriptions) that cannot end the comment
 * it stands in. A `//` comment ends at any ECMAScript line terminator (LF, CR, LS U+2028, PS U+2029),
 * so text is split on all of them (and on NEL U+0085, which editors show as a break); a block
 * comment ends at `*\/`, so that sequence is broken with a backslash. Other control characters
 * (ANSI escapes, NUL) are shown as `\uXXXX`, so a generated file cannot repaint a terminal either.
 */

/** Splits on every line terminator a reader of the file could see. */
export function commentLines(text: string): string[] {
  return text.split(/\r\n|[\n\r\u0085\u2028\u2029]/);
}

/** C0 and C1 control characters (ANSI escapes, NUL, ...), shown escaped in generated comments. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function visible(line: string): string {
  return line.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `//` comment lines for `text` (one per line of it), each safe to end with a newline. */
export function lineComment(text: string): string {
  return commentLines(text)
    .map((line) => visible(line))
    .map((line) => `//${line.startsWith(" ") || line === "" ? "" : " "}${line}`)
    .join("\n");
}

/** A one-line `/** ... *\/` doc comment for `text`; its lines are joined with spaces. */
export function docComment(text: string): string {
  const body = commentLines(text)
    .map((line) => visible(line).trim())
    .filter((line) => line !== "")
    .join(" ")
    .replace(/\*\//g, "*\\/");
  return `/** ${body} */`;
}
