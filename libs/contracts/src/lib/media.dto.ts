import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageWindow, type Page } from './audit.dto';

/** Image types the server accepts; the type is read from the file's bytes, never from its name. */
export const MEDIA_MIME_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export type MediaMimeType = (typeof MEDIA_MIME_TYPES)[number];

/** Longest side of a thumbnail, in pixels. */
export const MEDIA_THUMBNAIL_SIDE = 320;

/** A stored image, as `POST /api/v1/media` and `GET /api/v1/media/:id` answer it. */
export class MediaView {
  /**
   * The image's id, as posts refer to it.
   * @example "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"
   */
  id!: string;

  /**
   * The organization whose subtree may see and use it.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * The type, read from the file's bytes.
   * @example "image/jpeg"
   */
  mimeType!: MediaMimeType;

  /**
   * Pixels, after turning the photo upright by its EXIF orientation.
   * @example 1600
   */
  width!: number;

  /**
   * Pixels, after turning the photo upright by its EXIF orientation.
   * @example 1200
   */
  height!: number;

  /**
   * Bytes of the stored file (after location and other metadata were removed).
   * @example 284513
   */
  size!: number;

  /**
   * The uploaded file's name, cleaned; for display only.
   * @example "Линейка в школе 1.jpg"
   */
  fileName!: string;

  /**
   * A GIF or WebP with more than one frame.
   * @example false
   */
  animated!: boolean;

  /**
   * The person who uploaded it; null once that account is deleted.
   * @example "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
   */
  uploadedBy!: string | null;

  /**
   * When it was uploaded (UTC).
   * @example "2026-05-14T01:05:33.000Z"
   */
  createdAt!: string;
}

/** Answer of `GET /api/v1/media`: newest first. */
export class MediaPage extends PageWindow implements Page<MediaView> {
  /** The images of this page. */
  items!: MediaView[];
}

/** Fields of the multipart `POST /api/v1/media` besides the file itself (`file`). */
export class UploadMediaRequest {
  /**
   * The organization whose subtree may use the image (editors of it and above).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;
}

/** Query of `GET /api/v1/media`. */
export class MediaListQuery {
  /**
   * Images of this organization only (not of its subtree).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * Most images to answer; 50 when absent.
   * @example 50
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  /**
   * Images to skip, for the next pages; 0 when absent.
   * @example 0
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}
