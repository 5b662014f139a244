/** `vmSize` -> `vm_size`: IR field names as the YAML files spell them. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** `vm_size` -> `vmSize`: the reverse of {@link snakeCase}. */
export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
