import { getMetadataStorage } from 'class-validator';

type RequestClass = abstract new () => object;

function constraint(request: RequestClass, property: string, rule: string): number | null {
  const rules = getMetadataStorage().getTargetValidationMetadatas(request, '', true, false);
  const found = rules.find((r) => r.propertyName === property && r.name === rule);
  const limit: unknown = found?.constraints?.[0];
  return typeof limit === 'number' ? limit : null;
}

/**
 * The `@MaxLength` a request class of `@vestnik/contracts` declares on a property: the very rule
 * the server validates with, read from its decorator instead of being typed again here.
 */
export function maxLengthOf(request: RequestClass, property: string): number | null {
  return constraint(request, property, 'maxLength');
}

/** Like `maxLengthOf`, for `@MinLength`. */
export function minLengthOf(request: RequestClass, property: string): number | null {
  return constraint(request, property, 'minLength');
}

/** Like `maxLengthOf`, for `@ArrayMaxSize`. */
export function maxItemsOf(request: RequestClass, property: string): number | null {
  return constraint(request, property, 'arrayMaxSize');
}
