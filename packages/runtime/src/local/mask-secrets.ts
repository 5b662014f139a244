import { Transform, type TransformCallback } from "node:stream";

/** The mask that stands for a secret value in logs. */
export const MASK = "***";

/**
 * A stream that replaces every occurrence of the given secret values with `***`, also when a value
 * is split across two chunks (the last `longest - 1` characters are held back until more arrives).
 * Values shorter than 4 characters are not masked: they would blank out ordinary words.
 */
export function maskingStream(values: readonly string[]): Transform {
  const secrets = maskedValues(values);
  const keep = Math.max(0, ...secrets.map((s) => s.length)) - 1;
  let pending = "";
  const mask = (text: string) => secrets.reduce((acc, secret) => acc.split(secret).join(MASK), text);
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (secrets.length === 0) return done(null, chunk);
      const text = mask(pending + chunk.toString("utf8"));
      pending = text.slice(Math.max(0, text.length - keep));
      done(null, text.slice(0, text.length - pending.length));
    },
    flush(done: TransformCallback) {
      done(null, mask(pending));
    },
  });
}

/** The values a log masks, longest first: those of at least 4 characters, each once. */
export function maskedValues(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v.length >= 4))].sort((a, b) => b.length - a.length);
}

/** `env` without the named variables. */
export function withoutVariables(
  env: NodeJS.ProcessEnv,
  names: readonly string[],
): Record<string, string | undefined> {
  const hidden = new Set(names);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !hidden.has(name)));
}
