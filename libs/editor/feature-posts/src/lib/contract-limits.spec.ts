import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CommentRequest, CreatePostRequest } from '@vestnik/contracts';
import { maxItemsOf, maxLengthOf } from './contract-limits';

describe('maxLengthOf', () => {
  it('reads the limit the server validates with: one character more is refused, the limit itself is not', () => {
    const limit = maxLengthOf(CreatePostRequest, 'title');
    expect(limit).toBeGreaterThan(0);
    const errorsFor = (title: string) => validateSync(plainToInstance(CreatePostRequest, { title })).filter((e) => e.property === 'title');
    expect(errorsFor('т'.repeat(limit ?? 0))).toEqual([]);
    expect(errorsFor('т'.repeat((limit ?? 0) + 1))[0]?.constraints).toHaveProperty('maxLength');
  });

  it('answers null for a property without such a rule', () => {
    expect(maxLengthOf(CreatePostRequest, 'rubric')).toBeNull();
    expect(maxLengthOf(CommentRequest, 'body')).toBeGreaterThan(0);
  });
});

describe('maxItemsOf', () => {
  it('reads a list limit', () => {
    const limit = maxItemsOf(CreatePostRequest, 'mediaIds') ?? 0;
    const ids = Array.from({ length: limit + 1 }, () => '5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e');
    const errors = validateSync(plainToInstance(CreatePostRequest, { mediaIds: ids })).filter((e) => e.property === 'mediaIds');
    expect(errors[0]?.constraints).toHaveProperty('arrayMaxSize');
  });
});
