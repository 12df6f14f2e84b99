import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { ApiException } from '@vestnik/server/http';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** `/metrics` is public unless METRICS_TOKEN is set; then it needs `Authorization: Bearer <token>`. */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(VESTNIK_CONFIG) config: VestnikConfig) {
    this.expected = config.metrics.token ? digest(config.metrics.token) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (match && timingSafeEqual(digest(match[1]), this.expected)) return true;
    throw new ApiException(401, 'unauthorized', 'Метрики закрыты: укажите ключ METRICS_TOKEN в заголовке Authorization: Bearer');
  }
}
