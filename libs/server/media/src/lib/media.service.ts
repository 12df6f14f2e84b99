import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, In, QueryFailedError } from 'typeorm';
import type { MediaListQuery, MediaMimeType, MediaView, Page, Platform, Role } from '@vestnik/contracts';
import type { ImageRef } from '@vestnik/platforms/rules';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService } from '@vestnik/server/auth';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { ApiException, conflict, SignedInActor } from '@vestnik/server/http';
import { cleanFileName, fileNameFor } from './file-name';
import { THUMBNAIL_MIME_TYPE, prepareImage } from './image-processing';
import { sniffImageType } from './image-type';
import { fileRejected, mediaNotFound, UNSUPPORTED_TYPE_MESSAGE } from './media-errors';
import { MediaEntity } from './media.entity';
import { MediaUsageRegistry } from './media-usage';
import { mediaSummary, toMediaView } from './media-view';
import { convertForPlatform, deliveredMimeType } from './platform-images';
import { MEDIA_STORAGE, MediaStorage, StoredObjectMissingError, storageKeys } from './storage/media-storage';

/** The part of an uploaded file the service needs (multer's File has these). */
export interface UploadedImageFile {
  buffer: Buffer;
  originalname: string;
}

/** Bytes to send to people or platforms. */
export interface MediaBytes {
  bytes: Buffer;
  mimeType: string;
  fileName: string;
}

/** One image ready for a platform's upload. */
export interface PlatformImage {
  id: string;
  bytes: Buffer;
  mimeType: MediaMimeType;
  width: number;
  height: number;
  /** Bytes of `bytes`, after any conversion. */
  size: number;
  /** The display name with the extension of the delivered type. */
  fileName: string;
}

/** An image reference for validation, with the organization that owns the image. */
export interface MediaImageRef extends ImageRef {
  id: string;
  organizationId: string;
}

/** Some requested media do not exist (any more). */
export class MediaNotFoundError extends Error {
  constructor(readonly missingIds: string[]) {
    super(`Media not found: ${missingIds.join(', ')}`);
    this.name = 'MediaNotFoundError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class MediaService {
  private readonly logger = new Logger('Media');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
    private readonly usage: MediaUsageRegistry,
  ) {}

  async upload(actor: SignedInActor, organizationId: string, file: UploadedImageFile | undefined): Promise<MediaView> {
    const { organization } = await this.access.require(actor.user.id, organizationId, 'editor');
    if (organization.archivedAt) throw new ApiException(409, 'organization_archived', 'Организация в архиве: загружать изображения нельзя');
    if (!file || file.buffer.length === 0) throw fileRejected('isDefined', 'Поле «file» обязательно: приложите изображение');

    const mimeType = sniffImageType(file.buffer);
    if (!mimeType) throw fileRejected('mimeType', UNSUPPORTED_TYPE_MESSAGE);
    const fileName = cleanFileName(file.originalname, mimeType);
    const image = await prepareImage(file.buffer, mimeType, this.config.media, fileName);

    const id = randomUUID();
    const keys = storageKeys(id);
    await this.storage.put(keys.original, image.bytes, mimeType);
    try {
      await this.storage.put(keys.thumbnail, image.thumbnail, THUMBNAIL_MIME_TYPE);
      const media = await this.dataSource.transaction(async (m) => {
        await m.insert(MediaEntity, {
          id,
          organizationId,
          uploadedBy: actor.user.id,
          mimeType,
          width: image.width,
          height: image.height,
          size: image.bytes.length,
          sha256: createHash('sha256').update(image.bytes).digest('hex'),
          storageKey: keys.original,
          thumbnailKey: keys.thumbnail,
          fileName,
          animated: image.animated,
          hasTransparency: image.hasTransparency,
        });
        const saved = await m.findOneByOrFail(MediaEntity, { id });
        await this.audit.record(
          { actor, organizationId, action: 'media.uploaded', targetType: 'media', targetId: id, after: { ...mediaSummary(saved), metadataRemoved: image.reencoded } },
          m,
        );
        return saved;
      });
      return toMediaView(media);
    } catch (e) {
      await this.removeStored(keys.original, keys.thumbnail);
      throw e;
    }
  }

  async get(actor: SignedInActor, id: string): Promise<MediaView> {
    return toMediaView(await this.findVisible(actor, id, 'viewer'));
  }

  /** The organization's images, newest first. */
  async list(actor: SignedInActor, query: MediaListQuery): Promise<Page<MediaView>> {
    await this.access.require(actor.user.id, query.organizationId, 'viewer');
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.dataSource.getRepository(MediaEntity).findAndCount({
      where: { organizationId: query.organizationId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items: rows.map(toMediaView), total, limit, offset };
  }

  async content(actor: SignedInActor, id: string): Promise<MediaBytes> {
    const media = await this.findVisible(actor, id, 'viewer');
    return { bytes: await this.read(media.storageKey), mimeType: media.mimeType, fileName: media.fileName };
  }

  async thumbnail(actor: SignedInActor, id: string): Promise<MediaBytes> {
    const media = await this.findVisible(actor, id, 'viewer');
    return { bytes: await this.read(media.thumbnailKey), mimeType: THUMBNAIL_MIME_TYPE, fileName: fileNameFor(media.fileName, 'image/webp') };
  }

  /** Deletes the file unless something uses it (409). */
  async remove(actor: SignedInActor, id: string): Promise<void> {
    const media = await this.findVisible(actor, id, 'editor');
    const inUse = (use: string) => conflict('media_in_use', `Изображение используется (${use}): сначала уберите его оттуда`);
    try {
      await this.dataSource.transaction(async (m) => {
        const locked = await m.findOne(MediaEntity, { where: { id: media.id }, lock: { mode: 'pessimistic_write' } });
        if (!locked) throw mediaNotFound();
        const use = await this.usage.findUse(media.id, m);
        if (use) throw inUse(use);
        await m.delete(MediaEntity, { id: media.id });
        await this.audit.record({ actor, organizationId: media.organizationId, action: 'media.deleted', targetType: 'media', targetId: media.id, before: mediaSummary(media) }, m);
      });
    } catch (e) {
      // A table that references media with a foreign key is a use nobody registered a check for.
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23503') throw inUse('на него ссылаются другие записи');
      throw e;
    }
    await this.removeStored(media.storageKey, media.thumbnailKey);
  }

  /**
   * For the publishing engine: the images in the given order, converted to a type the platform
   * takes (see `deliveredMimeType`). Throws MediaNotFoundError when any id is unknown.
   */
  async loadForPlatform(mediaIds: readonly string[], platform: Platform): Promise<PlatformImage[]> {
    const rows = await this.findAll(mediaIds);
    const out: PlatformImage[] = [];
    // One at a time: up to ten images of up to MEDIA_MAX_BYTES each are not held and converted at once.
    for (const media of rows) {
      const stored = await this.read(media.storageKey);
      if (createHash('sha256').update(stored).digest('hex') !== media.sha256) throw new Error(`Stored bytes of media ${media.id} do not match their checksum`);
      const { bytes, mimeType } = await convertForPlatform(stored, media, platform);
      out.push({ id: media.id, bytes, mimeType, width: media.width, height: media.height, size: bytes.length, fileName: fileNameFor(media.fileName, mimeType) });
    }
    return out;
  }

  /**
   * Metadata-only references for `@vestnik/platforms/rules` validation, in the given order; unknown
   * ids are left out (the caller reports them). With a platform, `mimeType` is the type that
   * platform will receive (a WebP becomes JPEG or PNG); `size` is always the stored size, which a
   * conversion may change (loadForPlatform reports the exact one).
   */
  async imageRefs(mediaIds: readonly string[], platform?: Platform): Promise<MediaImageRef[]> {
    const rows = await this.findExisting(mediaIds);
    return mediaIds.flatMap((id) => {
      const m = rows.get(id.toLowerCase());
      if (!m) return [];
      const mimeType = platform ? deliveredMimeType(m, platform) : m.mimeType;
      return [{ id: m.id, organizationId: m.organizationId, mimeType, size: m.size, width: m.width, height: m.height, fileName: m.fileName }];
    });
  }

  private async findExisting(mediaIds: readonly string[]): Promise<Map<string, MediaEntity>> {
    const valid = [...new Set(mediaIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    const rows = valid.length ? await this.dataSource.getRepository(MediaEntity).findBy({ id: In(valid) }) : [];
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async findAll(mediaIds: readonly string[]): Promise<MediaEntity[]> {
    const byId = await this.findExisting(mediaIds);
    const rows = mediaIds.map((id) => byId.get(id.toLowerCase()));
    const missing = mediaIds.filter((_, i) => !rows[i]);
    if (missing.length) throw new MediaNotFoundError(missing);
    return rows.filter((r): r is MediaEntity => r !== undefined);
  }

  /** The media row, or 404 when it does not exist or lies outside the user's subtrees; 403 below `needed`. */
  private async findVisible(actor: SignedInActor, id: string, needed: Role): Promise<MediaEntity> {
    const media = UUID.test(id) ? await this.dataSource.getRepository(MediaEntity).findOneBy({ id }) : null;
    if (!media) throw mediaNotFound();
    await this.access.require(actor.user.id, media.organizationId, needed, 'Файл');
    return media;
  }

  private async read(key: string): Promise<Buffer> {
    try {
      return await this.storage.get(key);
    } catch (e) {
      if (!(e instanceof StoredObjectMissingError)) throw e;
      this.logger.error(`Stored object ${key} is missing although its media row exists`);
      throw new ApiException(500, 'media_missing', 'Файл изображения отсутствует в хранилище. Сообщите администратору.');
    }
  }

  /** Best effort: an object left behind wastes space but harms nobody, so failures are only logged. */
  private async removeStored(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.storage.delete(key).catch((e: unknown) => this.logger.warn(`Could not delete stored object ${key}: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
}
