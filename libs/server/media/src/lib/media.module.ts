import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';
import { MediaUploadInterceptor } from './media-upload.interceptor';
import { MediaUsageRegistry } from './media-usage';
import { LocalMediaStorage } from './storage/local-media-storage';
import { MEDIA_STORAGE, MediaStorage } from './storage/media-storage';
import { S3MediaStorage } from './storage/s3-media-storage';

export function createMediaStorage(config: VestnikConfig): MediaStorage {
  return config.media.storage === 's3' && config.media.s3 ? new S3MediaStorage(config.media.s3) : new LocalMediaStorage(join(config.dataDir, 'media'));
}

@Module({
  imports: [AuthModule, AuditModule],
  controllers: [MediaController],
  providers: [MediaService, MediaUsageRegistry, MediaUploadInterceptor, { provide: MEDIA_STORAGE, inject: [VESTNIK_CONFIG], useFactory: createMediaStorage }],
  exports: [MediaService, MediaUsageRegistry],
})
export class MediaModule {}
