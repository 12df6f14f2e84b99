import { ImageRef, Platform, PostContent } from './content';
import { textLengthForPlatform, validateForPlatform, validateForPlatforms } from './validate';

const jpeg = (over: Partial<ImageRef> = {}): ImageRef => ({ mimeType: 'image/jpeg', size: 100_000, width: 800, height: 600, ...over });
const content = (over: Partial<PostContent> = {}): PostContent => ({ text: 'Текст', images: [], ...over });
const codes = (platform: Platform, c: PostContent) => validateForPlatform(platform, c).map((v) => v.code);

describe('validateForPlatform', () => {
  it('accepts an ordinary post everywhere', () => {
    expect(validateForPlatforms(['vk', 'ok', 'telegram'], content({ images: [jpeg()], link: 'https://gov.ru' }))).toEqual([]);
  });

  it('refuses empty content, with a Russian message naming the platform', () => {
    const [v] = validateForPlatform('vk', content({ text: '  ' }));
    expect(v).toMatchObject({ code: 'content_empty', field: 'text', platform: 'vk' });
    expect(v.message).toContain('ВКонтакте');
  });

  it('lets a link alone stand as a VK post (it becomes an attachment)', () => {
    expect(codes('vk', content({ text: '', link: 'https://gov.ru' }))).toEqual([]);
  });

  it('counts Telegram text after entity parsing: markup does not count, the appended link does', () => {
    const exactly = 'а'.repeat(4096);
    expect(codes('telegram', content({ text: `**${exactly}**` }))).toEqual([]);
    const [v] = validateForPlatform('telegram', content({ text: exactly, link: 'https://a.ru' }));
    expect(v).toEqual({
      code: 'text_too_long',
      field: 'text',
      platform: 'telegram',
      message: 'Текст длиннее 4096 символов (Telegram)',
      limit: 4096,
      actual: 4096 + 2 + 'https://a.ru'.length,
    });
  });

  it('allows Telegram text over the 1024 caption with media (it goes to a follow-up message)', () => {
    expect(codes('telegram', content({ text: 'б'.repeat(3000), images: [jpeg(), jpeg()] }))).toEqual([]);
  });

  it('counts VK text with links written out', () => {
    expect(textLengthForPlatform('vk', { text: '[a](https://b.ru)' })).toBe('a (https://b.ru)'.length);
    expect(codes('vk', content({ text: 'x'.repeat(15896) }))).toEqual(['text_too_long']);
  });

  it('limits the number of images to 10', () => {
    const images = Array.from({ length: 11 }, () => jpeg());
    for (const platform of ['vk', 'ok', 'telegram'] as const) {
      expect(codes(platform, content({ images }))).toEqual(['too_many_images']);
    }
  });

  it('checks image type, size and dimensions per platform', () => {
    const gif = jpeg({ mimeType: 'image/gif' });
    expect(codes('vk', content({ images: [gif] }))).toEqual([]);
    expect(codes('telegram', content({ images: [gif] }))).toEqual(['image_type_unsupported']);
    expect(codes('telegram', content({ images: [jpeg({ size: 11 * 1024 * 1024 })] }))).toEqual(['image_too_large']);
    expect(codes('vk', content({ images: [jpeg({ size: 11 * 1024 * 1024 })] }))).toEqual([]);
    expect(codes('vk', content({ images: [jpeg({ width: 9000, height: 6000 })] }))).toEqual(['image_dimensions_too_large']);
    expect(codes('telegram', content({ images: [jpeg({ width: 4200, height: 200 })] }))).toEqual(['image_aspect_ratio_too_large']);
    expect(codes('vk', content({ images: [jpeg({ width: 0 })] }))).toEqual(['image_dimensions_unknown']);
    const [v] = validateForPlatform('telegram', content({ images: [jpeg(), jpeg({ mimeType: 'image/bmp' })] }));
    expect(v.field).toBe('images[1]');
    expect(v.message).toMatch(/^Изображение 2: формат image\/bmp не подходит/);
  });

  it('checks MAX: 4,000 characters of the HTML as sent, a side up to 7,680 pixels, no GIF', () => {
    expect(codes('max', content({ text: 'а'.repeat(4000) }))).toEqual([]);
    expect(codes('max', content({ text: 'а'.repeat(4001) }))).toEqual(['text_too_long']);
    // **…** becomes <b>…</b>: seven characters of markup count against the limit.
    expect(codes('max', content({ text: `**${'а'.repeat(3993)}**` }))).toEqual([]);
    expect(codes('max', content({ text: `**${'а'.repeat(3994)}**` }))).toEqual(['text_too_long']);
    expect(codes('max', content({ images: [jpeg({ width: 7680, height: 7680 })] }))).toEqual([]);
    expect(codes('max', content({ images: [jpeg({ width: 7681, height: 100 })] }))).toEqual(['image_side_too_large']);
    expect(codes('max', content({ images: [jpeg({ mimeType: 'image/gif' })] }))).toEqual(['image_type_unsupported']);
  });

  it('refuses a link that is not http(s)', () => {
    expect(codes('ok', content({ link: 'ftp://x.ru' }))).toEqual(['link_invalid']);
  });
});
