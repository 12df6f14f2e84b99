import sharp from 'sharp';
import { convertForPlatform, deliveredMimeType } from './platform-images';

describe('deliveredMimeType', () => {
  it('keeps what the platform takes and converts the rest', () => {
    const webp = { mimeType: 'image/webp' as const, animated: false, hasTransparency: false };
    expect(deliveredMimeType(webp, 'vk')).toBe('image/jpeg');
    expect(deliveredMimeType({ ...webp, hasTransparency: true }, 'ok')).toBe('image/png');
    expect(deliveredMimeType({ ...webp, animated: true }, 'vk')).toBe('image/gif');
    expect(deliveredMimeType({ ...webp, animated: true }, 'telegram')).toBe('image/jpeg');
    expect(deliveredMimeType({ mimeType: 'image/gif', animated: true, hasTransparency: false }, 'vk')).toBe('image/gif');
    expect(deliveredMimeType({ mimeType: 'image/gif', animated: false, hasTransparency: true }, 'telegram')).toBe('image/png');
    expect(deliveredMimeType({ mimeType: 'image/png', animated: false, hasTransparency: true }, 'telegram')).toBe('image/png');
  });
});

describe('convertForPlatform', () => {
  it('turns an opaque WebP into a JPEG and leaves accepted types alone', async () => {
    const webp = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#246' } }).webp().toBuffer();
    const out = await convertForPlatform(webp, { mimeType: 'image/webp', animated: false, hasTransparency: false }, 'vk');
    expect(out.mimeType).toBe('image/jpeg');
    expect(await sharp(out.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 30, height: 20 });
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#246' } }).png().toBuffer();
    expect((await convertForPlatform(png, { mimeType: 'image/png', animated: false, hasTransparency: false }, 'telegram')).bytes).toBe(png);
  });

  it('keeps an animated WebP moving on VK as a GIF', async () => {
    const frames = await Promise.all([1, 2].map((i) => sharp({ create: { width: 20, height: 10, channels: 3, background: { r: i * 100, g: 0, b: 0 } } }).png().toBuffer()));
    const webp = await sharp(frames, { join: { animated: true } }).webp().toBuffer();
    const out = await convertForPlatform(webp, { mimeType: 'image/webp', animated: true, hasTransparency: false }, 'vk');
    expect(out.mimeType).toBe('image/gif');
    expect(await sharp(out.bytes).metadata()).toMatchObject({ format: 'gif', pages: 2, width: 20, height: 10 });
  });
});
