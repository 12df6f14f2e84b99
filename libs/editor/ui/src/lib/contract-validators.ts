import { Validators, type ValidatorFn } from '@angular/forms';
import { maxLengthOf, minLengthOf } from './contract-limits';

type RequestClass = abstract new () => object;

/** The length rules of a contract's property as form validators (none when the contract has none). */
export function contractLength(request: RequestClass, property: string): ValidatorFn[] {
  const min = minLengthOf(request, property);
  const max = maxLengthOf(request, property);
  return [...(min !== null ? [Validators.minLength(min)] : []), ...(max !== null ? [Validators.maxLength(max)] : [])];
}
