import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AddMemberRequest, CommentRequest, CreateOrganizationRequest, CreatePostRequest } from '@vestnik/contracts';
import { maxItemsOf, maxLengthOf, minLengthOf } from './contract-limits';

describe('contract limits', () => {
  it('reads the limit the server validates with: one character more is refused, the limit itself is not', () => {
    const limit = maxLengthOf(CreateOrganizationRequest, 'name') ?? 0;
    expect(limit).toBeGreaterThan(0);
    const refused = (name: string) =>
      validateSync(plainToInstance(CreateOrganizationRequest, { name })).some((e) => e.property === 'name' && 'maxLength' in (e.constraints ?? {}));
    expect(refused('ш'.repeat(limit))).toBe(false);
    expect(refused('ш'.repeat(limit + 1))).toBe(true);
  });

  it('answers null where the contract has no such rule', () => {
    expect(minLengthOf(AddMemberRequest, 'email')).toBeNull();
    expect(maxLengthOf(AddMemberRequest, 'role')).toBeNull();
    expect(maxLengthOf(CreatePostRequest, 'rubric')).toBeNull();
    expect(maxLengthOf(AddMemberRequest, 'email')).toBeGreaterThan(0);
    expect(maxLengthOf(CommentRequest, 'body')).toBeGreaterThan(0);
  });

  it('reads a list limit', () => {
    const limit = maxItemsOf(CreatePostRequest, 'mediaIds') ?? 0;
    expect(limit).toBeGreaterThan(0);
    const ids = Array.from({ length: limit + 1 }, () => '5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e');
    const errors = validateSync(plainToInstance(CreatePostRequest, { mediaIds: ids })).filter((e) => e.property === 'mediaIds');
    expect(errors[0]?.constraints).toHaveProperty('arrayMaxSize');
  });
});
