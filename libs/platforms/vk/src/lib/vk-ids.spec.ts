import { formatVkRemoteId, guidForPublication, numericGroupId, parseVkRemoteId, vkPostUrl } from './vk-ids';

describe('VK ids', () => {
  it('reads community ids in every usual notation', () => {
    expect(numericGroupId('123')).toBe(123);
    expect(numericGroupId('-123')).toBe(123);
    expect(numericGroupId('club123')).toBe(123);
    expect(numericGroupId('public77')).toBe(77);
    expect(numericGroupId('mincifry')).toBeNull();
  });

  it('derives the same guid for the same publication and different ones otherwise', () => {
    expect(guidForPublication('pub-1')).toBe(guidForPublication('pub-1'));
    expect(guidForPublication('pub-1')).not.toBe(guidForPublication('pub-2'));
    expect(guidForPublication('pub-1')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('round-trips remote ids and builds the post URL', () => {
    const remoteId = formatVkRemoteId(123, 45);
    expect(remoteId).toBe('-123_45');
    expect(parseVkRemoteId(remoteId)).toEqual({ ownerId: -123, postId: 45 });
    expect(parseVkRemoteId('garbage')).toBeNull();
    expect(vkPostUrl(-123, 45)).toBe('https://vk.com/wall-123_45');
  });
});
