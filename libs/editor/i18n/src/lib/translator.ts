import { resolvePlurals } from './icu-plural';

export type Dictionary = { [key: string]: string | Dictionary };

/** The message at a dotted key, or undefined. */
export function lookup(dictionary: Dictionary, key: string): string | undefined {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** `{{ name }}` replaced by the param's value, as Transloco's default transpiler does. */
export function interpolate(message: string, params: Record<string, unknown> | undefined): string {
  return message.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    const value = params?.[name];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** A translation function over one dictionary, outside Angular; a missing key throws, so a spec that uses one fails. */
export function translatorOver(dictionary: Dictionary, locale: string): (key: string, params?: Record<string, unknown>) => string {
  return (key, params) => {
    const message = lookup(dictionary, key);
    if (message === undefined) throw new Error(`No translation for «${key}»`);
    return interpolate(resolvePlurals(message, params, locale), params);
  };
}
