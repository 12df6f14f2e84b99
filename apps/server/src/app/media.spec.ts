import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Response } from 'supertest';
import type { AuditEntryView, MediaView } from '@vestnik/contracts';
import { MEDIA_STORAGE, MediaService, MediaStorage, MediaUsageRegistry, StoredObjectMissingError } from '@vestnik/server/media';
import { createMember, createOrganization } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

/** Test images are drawn here, never committed as binaries. */
const solid = (width: number, height: number, alpha = 1) => sharp({ create: { width, height, channels: 4, background: { r: 30, g: 90, b: 160, alpha } } });
const opaque = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 160, g: 90, b: 30 } } });
async function animatedGif(width: number, height: number): Promise<Buffer> {
  const frames = await Promise.all([0, 1, 2].map((i) => opaque(width, height).tint({ r: 80 * i, g: 40, b: 200 }).png().toBuffer()));
  return sharp(frames, { join: { animated: true } }).gif().toBuffer();
}
/** Supertest buffers `image/*` answers into a Buffer. */
const binary = (res: Response): Buffer => {
  expect(Buffer.isBuffer(res.body)).toBe(true);
  return res.body as Buffer;
};

describe('media', () => {
  let server: TestServer;
  let admin: string;
  let ministryId: string;
  let siblingId: string;
  let editor: string;
  let viewer: string;
  let outsider: string;
  const uploaded: Record<string, MediaView> = {};

  const upload = (token: string, organizationId: string | undefined, bytes: Buffer, filename: string, contentType = 'application/octet-stream') => {
    const req = server.http.post('/api/v1/media').set(bearer(token)).attach('file', bytes, { filename, contentType });
    return organizationId === undefined ? req : req.field('organizationId', organizationId);
  };
  const download = (token: string, path: string) => server.http.get(path).set(bearer(token)).buffer(true);

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    const rootId = setup.user.memberships[0].organizationId;
    ministryId = (await createOrganization(server, admin, rootId, 'Министерство экологии')).id;
    siblingId = (await createOrganization(server, admin, rootId, 'Министерство транспорта')).id;
    editor = (await createMember(server, admin, ministryId, 'editor')).token;
    viewer = (await createMember(server, admin, ministryId, 'viewer')).token;
    outsider = (await createMember(server, admin, siblingId, 'admin')).token;
  });
  afterAll(() => server.close());

  it('accepts JPEG, PNG, GIF and WebP, reading type and size from the bytes, not the label', async () => {
    const samples = {
      jpeg: { bytes: await opaque(120, 80).jpeg().toBuffer(), mimeType: 'image/jpeg', width: 120, height: 80 },
      png: { bytes: await solid(90, 60, 0.5).png().toBuffer(), mimeType: 'image/png', width: 90, height: 60 },
      gif: { bytes: await animatedGif(50, 40), mimeType: 'image/gif', width: 50, height: 40 },
      webp: { bytes: await solid(70, 30).webp().toBuffer(), mimeType: 'image/webp', width: 70, height: 30 },
    };
    for (const [name, sample] of Object.entries(samples)) {
      // Every file claims to be a PDF with a .bin name: only the bytes count.
      const res = await upload(editor, ministryId, sample.bytes, `Субботник ${name}.bin`, 'application/pdf').expect(201);
      const view = res.body as MediaView;
      // Clean images (no metadata, upright) are stored byte for byte.
      expect(view).toMatchObject({ mimeType: sample.mimeType, width: sample.width, height: sample.height, size: sample.bytes.length, organizationId: ministryId, fileName: `Субботник ${name}.bin` });
      expect(view.id).toMatch(/^[0-9a-f-]{36}$/);
      uploaded[name] = view;

      const content = await download(viewer, `/api/v1/media/${view.id}/content`).expect(200);
      expect(content.headers['content-type']).toBe(sample.mimeType);
      expect(content.headers['cache-control']).toMatch(/^private\b/);
      expect(binary(content).equals(sample.bytes)).toBe(true);
    }
    expect(uploaded['gif'].animated).toBe(true);
    expect((await server.http.get(`/api/v1/media/${uploaded['png'].id}`).set(bearer(viewer)).expect(200)).body).toEqual(uploaded['png']);
  });

  it('makes a WebP thumbnail of at most 320 px on the long side', async () => {
    const big = (await upload(editor, ministryId, await opaque(1600, 900).jpeg().toBuffer(), 'панорама.jpg').expect(201)).body as MediaView;
    const thumb = await download(viewer, `/api/v1/media/${big.id}/thumbnail`).expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toMatch(/^private\b/);
    expect(await sharp(binary(thumb)).metadata()).toMatchObject({ format: 'webp', width: 320, height: 180 });
    const small = await download(viewer, `/api/v1/media/${uploaded['webp'].id}/thumbnail`).expect(200);
    expect(await sharp(binary(small)).metadata()).toMatchObject({ width: 70, height: 30 }); // never enlarged
  });

  it('removes the GPS position and other EXIF from photos, turning them upright', async () => {
    const photo = await opaque(64, 48)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'VestnikPhone', Model: 'X1' }, IFD3: { GPSMapDatum: 'WGS-84-SAKHALIN', GPSLatitudeRef: 'N', GPSLatitude: '46/1 57/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '142/1 44/1 0/1' } })
      .toBuffer();
    expect(photo.includes('WGS-84-SAKHALIN')).toBe(true);
    const view = (await upload(editor, ministryId, photo, 'IMG_0042.JPG', 'image/jpeg').expect(201)).body as MediaView;
    expect(view).toMatchObject({ mimeType: 'image/jpeg', width: 48, height: 64 });
    const stored = binary(await download(editor, `/api/v1/media/${view.id}/content`).expect(200));
    expect(stored.length).toBe(view.size);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes('WGS-84-SAKHALIN')).toBe(false);
    expect(stored.includes('VestnikPhone')).toBe(false);
  });

  it('refuses a text file dressed as a JPEG, naming the field', async () => {
    const res = await upload(editor, ministryId, Buffer.from('Это не фотография, а текст.\n'.repeat(20)), 'photo.jpg', 'image/jpeg').expect(400);
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'file', rule: 'mimeType', message: 'Поле «file»: допустимы только изображения JPEG, PNG, GIF или WebP' }],
    });
  });

  it('refuses a truncated JPEG, naming the file', async () => {
    const jpeg = await opaque(400, 300).jpeg().toBuffer();
    const res = await upload(editor, ministryId, jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'обрезанное.jpg').expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'file', rule: 'decodable' });
    expect(res.body.errors[0].message).toContain('«обрезанное.jpg»');
  });

  it('refuses images below the minimum size, and requests without the organization or the file', async () => {
    const tiny = await upload(editor, ministryId, await opaque(4, 4).png().toBuffer(), 'пиксель.png').expect(400);
    expect(tiny.body.errors[0]).toMatchObject({ field: 'file', rule: 'minDimension' });
    const noOrg = await upload(editor, undefined, await opaque(20, 20).png().toBuffer(), 'a.png').expect(400);
    expect(noOrg.body.errors.map((e: { field: string }) => e.field)).toContain('organizationId');
    const noFile = await server.http.post('/api/v1/media').set(bearer(editor)).field('organizationId', ministryId).expect(400);
    expect(noFile.body.errors[0]).toMatchObject({ field: 'file', rule: 'isDefined' });
    const wrongField = await server.http.post('/api/v1/media').set(bearer(editor)).field('organizationId', ministryId).attach('image', await opaque(20, 20).png().toBuffer(), 'a.png').expect(400);
    expect(wrongField.body.errors[0]).toMatchObject({ field: 'image', rule: 'singleFile' });
  });

  it('lists an organization’s images newest first, paged', async () => {
    const page = (await server.http.get(`/api/v1/media?organizationId=${ministryId}&limit=2&offset=0`).set(bearer(viewer)).expect(200)).body;
    expect(page).toMatchObject({ limit: 2, offset: 0 });
    expect(page.total).toBeGreaterThanOrEqual(6);
    expect(page.items).toHaveLength(2);
    const all = (await server.http.get(`/api/v1/media?organizationId=${ministryId}&limit=200`).set(bearer(viewer)).expect(200)).body.items as MediaView[];
    const times = all.map((m) => Date.parse(m.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all[all.length - 1].id).toBe(uploaded['jpeg'].id);
    await server.http.get(`/api/v1/media?organizationId=${ministryId}&limit=1000`).set(bearer(viewer)).expect(400);
  });

  it('converts for platforms: WebP becomes JPEG for VK, GIF stays a GIF there', async () => {
    const media = server.app.get(MediaService);
    const [webp, gif] = await media.loadForPlatform([uploaded['webp'].id, uploaded['gif'].id], 'vk');
    expect(webp).toMatchObject({ id: uploaded['webp'].id, mimeType: 'image/jpeg', width: 70, height: 30, fileName: 'Субботник webp.jpg' });
    expect(await sharp(webp.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 70, height: 30 });
    expect(webp.size).toBe(webp.bytes.length);
    expect(gif.mimeType).toBe('image/gif');
    expect((await sharp(gif.bytes).metadata()).pages).toBe(3);

    const [pngWithAlpha] = await media.loadForPlatform([uploaded['png'].id], 'telegram');
    expect(pngWithAlpha.mimeType).toBe('image/png');
    expect(await media.imageRefs([uploaded['webp'].id, randomUUID(), uploaded['jpeg'].id], 'ok')).toEqual([
      { id: uploaded['webp'].id, organizationId: ministryId, mimeType: 'image/jpeg', size: uploaded['webp'].size, width: 70, height: 30, fileName: 'Субботник webp.bin' },
      { id: uploaded['jpeg'].id, organizationId: ministryId, mimeType: 'image/jpeg', size: uploaded['jpeg'].size, width: 120, height: 80, fileName: 'Субботник jpeg.bin' },
    ]);
    await expect(media.loadForPlatform([randomUUID()], 'vk')).rejects.toThrow(/Media not found/);
  });

  it('answers 404 on every media endpoint to a user of a sibling organization, and for unknown ids', async () => {
    const id = uploaded['jpeg'].id;
    const malformed = await server.http.get('/api/v1/media/not-a-uuid').set(bearer(editor)).expect(400);
    expect(malformed.body.errors[0]).toMatchObject({ field: 'id', rule: 'isUUID' });
    for (const [token, mediaId] of [
      [outsider, id],
      [editor, randomUUID()],
    ]) {
      const auth = bearer(token);
      for (const res of await Promise.all([
        server.http.get(`/api/v1/media/${mediaId}`).set(auth),
        server.http.get(`/api/v1/media/${mediaId}/content`).set(auth),
        server.http.get(`/api/v1/media/${mediaId}/thumbnail`).set(auth),
        server.http.delete(`/api/v1/media/${mediaId}`).set(auth),
      ])) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
    }
    await server.http.get(`/api/v1/media?organizationId=${ministryId}`).set(bearer(outsider)).expect(404);
    await upload(outsider, ministryId, await opaque(20, 20).png().toBuffer(), 'a.png').expect(404);
    await server.http.get(`/api/v1/media/${id}`).set(bearer(editor)).expect(200); // still there
  });

  it('lets viewers look but not upload or delete', async () => {
    const png = await opaque(20, 20).png().toBuffer();
    expect((await upload(viewer, ministryId, png, 'a.png').expect(403)).body.code).toBe('forbidden');
    await server.http.delete(`/api/v1/media/${uploaded['png'].id}`).set(bearer(viewer)).expect(403);
    await server.http.get(`/api/v1/media/${uploaded['png'].id}`).set(bearer(viewer)).expect(200);
    await server.http.post('/api/v1/media').attach('file', png, 'a.png').field('organizationId', ministryId).expect(401);
  });

  it('deletes files nothing uses, refuses (409) those in use, and audits both uploads and deletions', async () => {
    const storage = server.app.get<MediaStorage>(MEDIA_STORAGE);
    const usedId = uploaded['gif'].id;
    server.app.get(MediaUsageRegistry).register({ findUse: async (mediaId) => (mediaId === usedId ? 'публикация «День леса»' : null) });
    const refused = await server.http.delete(`/api/v1/media/${usedId}`).set(bearer(editor)).expect(409);
    expect(refused.body).toMatchObject({ code: 'media_in_use' });
    expect(refused.body.message).toContain('публикация «День леса»');

    const victim = uploaded['webp'];
    const [{ storage_key: key, thumbnail_key: thumbKey }] = await server.db.dataSource.query('SELECT storage_key, thumbnail_key FROM media WHERE id = $1', [victim.id]);
    await server.http.delete(`/api/v1/media/${victim.id}`).set(bearer(editor)).expect(204);
    await server.http.get(`/api/v1/media/${victim.id}`).set(bearer(editor)).expect(404);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissingError);
    await expect(storage.get(thumbKey)).rejects.toBeInstanceOf(StoredObjectMissingError);

    const audit = (await server.http.get(`/api/v1/audit?organizationId=${ministryId}&limit=100`).set(bearer(admin)).expect(200)).body.items as AuditEntryView[];
    const uploadedRow = audit.find((e) => e.action === 'media.uploaded' && e.targetId === uploaded['png'].id);
    expect(uploadedRow).toMatchObject({ targetType: 'media', organizationId: ministryId, after: { mimeType: 'image/png', size: uploaded['png'].size, width: 90, height: 60 } });
    const deletedRow = audit.find((e) => e.action === 'media.deleted' && e.targetId === victim.id);
    expect(deletedRow).toMatchObject({ before: { mimeType: 'image/webp', size: victim.size, width: 70, height: 30 } });
    expect(audit.filter((e) => e.action === 'media.uploaded').length).toBeGreaterThanOrEqual(6);
    // Summaries only: no bytes, no storage keys.
    expect(JSON.stringify(audit)).not.toMatch(/images\/|thumbnails\/|"bytes"|"buffer"/);
  });
});

describe('media size limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ MEDIA_MAX_BYTES: '20000' });
  });
  afterAll(() => server.close());

  it('refuses a file above MEDIA_MAX_BYTES with 413, naming the field and the limit', async () => {
    const admin = (await setupRoot(server)).accessToken;
    const rootId = (await server.http.get('/api/v1/organizations').set(bearer(admin))).body[0].id;
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40_000, 7)]);
    const res = await server.http.post('/api/v1/media').set(bearer(admin)).field('organizationId', rootId).attach('file', big, 'большое.jpg').expect(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', errors: [{ field: 'file', rule: 'maxSize' }] });
    expect(res.body.errors[0].message).toContain('19,5 КБ');
    // Within the limit the same server accepts.
    await server.http.post('/api/v1/media').set(bearer(admin)).field('organizationId', rootId).attach('file', await opaque(100, 100).jpeg().toBuffer(), 'малое.jpg').expect(201);
  });
});
