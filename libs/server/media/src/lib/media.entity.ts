import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { MediaMimeType } from '@vestnik/contracts';

/** An uploaded image of one organization; its bytes live in MediaStorage under server-made keys. */
@Entity('media')
export class MediaEntity {
  /** Made by the server before the bytes are stored, so storage keys derive from it alone. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'uploaded_by', nullable: true })
  uploadedBy!: string | null;

  /** Sniffed from the bytes, never taken from the client. */
  @Column('text', { name: 'mime_type' })
  mimeType!: MediaMimeType;

  @Column('integer')
  width!: number;

  @Column('integer')
  height!: number;

  /** Bytes of the stored file. */
  @Column('integer')
  size!: number;

  /** Hex SHA-256 of the stored file, to notice a store that hands back other bytes. */
  @Column('text')
  sha256!: string;

  @Column('text', { name: 'storage_key' })
  storageKey!: string;

  @Column('text', { name: 'thumbnail_key' })
  thumbnailKey!: string;

  /** Cleaned for display; never a path. */
  @Column('text', { name: 'file_name' })
  fileName!: string;

  @Column('boolean')
  animated!: boolean;

  @Column('boolean', { name: 'has_transparency' })
  hasTransparency!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
