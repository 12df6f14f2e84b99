import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { ApiException } from '@vestnik/server/http';
import { fileRejected, formatBytes } from './media-errors';

/**
 * Reads a multipart upload into memory: one file in field `file`, at most MEDIA_MAX_BYTES, a few
 * short text fields. Runs after the auth guard, so anonymous uploads are refused before buffering.
 */
@Injectable()
export class MediaUploadInterceptor implements NestInterceptor {
  private readonly maxBytes: number;
  private readonly parse: RequestHandler;

  constructor(@Inject(VESTNIK_CONFIG) config: VestnikConfig) {
    this.maxBytes = config.media.maxBytes;
    this.parse = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: this.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 100 },
      // Browsers send file names as UTF-8; busboy's default latin1 would garble Cyrillic.
      defParamCharset: 'utf8',
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      this.parse(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) => (error ? reject(this.refusal(error)) : resolve()));
    });
    return next.handle();
  }

  private refusal(error: unknown): ApiException {
    if (!(error instanceof MulterError)) {
      return new ApiException(400, 'bad_request', 'Не удалось разобрать запрос multipart/form-data: он оборван или составлен неверно');
    }
    if (error.code === 'LIMIT_FILE_SIZE') {
      return fileRejected('maxSize', `Поле «file»: файл больше ${formatBytes(this.maxBytes)} — загрузите изображение не больше ${formatBytes(this.maxBytes)}`, 413);
    }
    const field = error.field ?? 'file';
    if (error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT') {
      const message = `Поле «${field}»: загрузите одно изображение в поле «file»`;
      return new ApiException(400, 'validation_failed', `Проверьте данные: ${message}`, { errors: [{ field, rule: 'singleFile', message }] });
    }
    const message = `Поле «${field}»: запрос превышает ограничения загрузки (${error.code})`;
    return new ApiException(400, 'validation_failed', `Проверьте данные: ${message}`, { errors: [{ field, rule: 'multipartLimits', message }] });
  }
}
