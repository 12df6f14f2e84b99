import sharp from 'sharp';
import { ApiException } from '@vestnik/server/http';
import { prepareImage } from './image-processing';

const LIMITS = { minDimension: 10, maxDimension: 20000, maxPixels: 100_000_000 };
const solid = (width: number, height: number, alpha = 1) => sharp({ create: { width, height, channels: 4, background: { r: 200, g: 40, b: 40, alpha } } });

async function refusal(promise: Promise<unknown>): Promise<{ status: number; rule: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiException);
  const body = (error as ApiException).getResponse() as { errors: { field: string; rule: string; message: string }[] };
  expect(body.errors[0].field).toBe('file');
  return { status: (error as ApiException).getStatus(), rule: body.errors[0].rule, message: body.errors[0].message };
}

describe('prepareImage', () => {
  it('removes EXIF with the GPS position and turns the photo upright', async () => {
    const photo = await solid(64, 48)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'VestnikPhone' }, IFD3: { GPSMapDatum: 'WGS-84-MARK', GPSLatitudeRef: 'N', GPSLatitude: '46/1 57/1 0/1' } })
      .toBuffer();
    expect(photo.includes('WGS-84-MARK')).toBe(true);
    const image = await prepareImage(photo, 'image/jpeg', LIMITS, 'фото.jpg');
    expect(image).toMatchObject({ mimeType: 'image/jpeg', width: 48, height: 64, reencoded: true, animated: false, hasTransparency: false });
    const meta = await sharp(image.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([48, 64]);
    expect(image.bytes.includes('WGS-84-MARK')).toBe(false);
    expect(image.bytes.includes('VestnikPhone')).toBe(false);
  });

  it('keeps an image without metadata byte for byte, and makes a WebP thumbnail', async () => {
    const png = await solid(1000, 500, 0.5).png().toBuffer();
    const image = await prepareImage(png, 'image/png', LIMITS, 'схема.png');
    expect(image.reencoded).toBe(false);
    expect(image.bytes.equals(png)).toBe(true);
    expect(image.hasTransparency).toBe(true);
    const thumb = await sharp(image.thumbnail).metadata();
    expect(thumb).toMatchObject({ format: 'webp', width: 320, height: 160 });
  });

  it('keeps animation and lossless WebP when cleaning', async () => {
    const frames = await Promise.all([1, 2, 3].map((i) => solid(40, 30).tint({ r: i * 60, g: 0, b: 0 }).png().toBuffer()));
    const animated = await sharp(frames, { join: { animated: true } }).webp({ lossless: true }).withExif({ IFD0: { Artist: 'someone' } }).toBuffer();
    const image = await prepareImage(animated, 'image/webp', LIMITS, 'a.webp');
    expect(image).toMatchObject({ width: 40, height: 30, animated: true, reencoded: true });
    const meta = await sharp(image.bytes).metadata();
    expect(meta.pages).toBe(3);
    expect(meta.exif).toBeUndefined();
    expect(image.bytes.includes('VP8L')).toBe(true);
  });

  it('refuses truncated, mislabelled, tiny, huge and pixel-heavy images, naming the file', async () => {
    const jpeg = await solid(400, 300).flatten().jpeg().toBuffer();
    const truncated = await refusal(prepareImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg', LIMITS, 'обрезанный.jpg'));
    expect(truncated).toMatchObject({ status: 400, rule: 'decodable' });
    expect(truncated.message).toContain('«обрезанный.jpg»');
    expect(await refusal(prepareImage(jpeg, 'image/png', LIMITS, 'x.png'))).toMatchObject({ rule: 'decodable' });
    expect(await refusal(prepareImage(await solid(5, 100).png().toBuffer(), 'image/png', LIMITS, 'x.png'))).toMatchObject({ rule: 'minDimension' });
    expect(await refusal(prepareImage(await solid(300, 20).png().toBuffer(), 'image/png', { ...LIMITS, maxDimension: 200 }, 'x.png'))).toMatchObject({ rule: 'maxDimension' });
    const pixels = await refusal(prepareImage(await solid(200, 200).png().toBuffer(), 'image/png', { ...LIMITS, maxPixels: 10_000 }, 'x.png'));
    expect(pixels.rule).toBe('maxPixels');
  });
});
