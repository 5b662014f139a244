function isEnvRef(value: unknown): value is { kind: "env"; name: string } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.kind === "env" && typeof v.name === "string" && Object.keys(v).length === 2;
}

/**
 * The environment variables named as secrets (`secret.env("NAME")`) anywhere in a pipeline's IR or a
 * part of it (a compute), sorted. The local backend keeps them out of steps' environments and masks
 * their values in step logs; attach says when a kept compute's secrets could not be compared.
 */
export function secretEnvNames(irOrPart: unknown): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (isEnvRef(value)) names.add(value.name);
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (typeof value === "object" && value !== null)
      for (const item of Object.values(value)) visit(item);
  };
  visit(irOrPart);
  return [...names].sort();
}
