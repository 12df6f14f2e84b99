import { getMetadataStorage } from 'class-validator';

/**
 * The `@MaxLength` a request class of `@vestnik/contracts` declares on a property: the very rule
 * the server validates with, read from its decorator instead of being typed again here.
 */
export function maxLengthOf(request: abstract new () => object, property: string): number | null {
  const rules = getMetadataStorage().getTargetValidationMetadatas(request, '', true, false);
  const rule = rules.find((r) => r.propertyName === property && r.name === 'maxLength');
  const limit: unknown = rule?.constraints?.[0];
  return typeof limit === 'number' ? limit : null;
}

/** Like `maxLengthOf`, for `@ArrayMaxSize`. */
export function maxItemsOf(request: abstract new () => object, property: string): number | null {
  const rules = getMetadataStorage().getTargetValidationMetadatas(request, '', true, false);
  const rule = rules.find((r) => r.propertyName === property && r.name === 'arrayMaxSize');
  const limit: unknown = rule?.constraints?.[0];
  return typeof limit === 'number' ? limit : null;
}
