/**
 * Decodes a text file by its byte order mark: UTF-16 LE or BE (as Windows editors save YAML), else
 * UTF-8 (its own BOM, if any, is left for the parser to skip). Without this, a UTF-16 file reads as
 * NUL-riddled garbage.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return bytes.subarray(2).toString("utf16le");
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  return bytes.toString("utf8");
}
