import { getMetadataStorage } from 'class-validator';

/**
 * The `@MaxLength` a request class of `@vestnik/contracts` declares on a property: the very rule the
 * server validates with, read from its decorator instead of being typed again here.
 */
export function maxLengthOf(request: abstract new () => object, property: string): number | null {
  const rules = getMetadataStorage().getTargetValidationMetadatas(request, '', true, false);
  const limit: unknown = rules.find((r) => r.propertyName === property && r.name === 'maxLength')?.constraints?.[0];
  return typeof limit === 'number' ? limit : null;
}
