import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@vestnik/server/http';
import { MetricsTokenGuard } from './metrics-token.guard';
import { PublishingMetrics } from './publishing-metrics';

/** Prometheus scrape endpoint, served at `/metrics` outside the `api` prefix (see create-app.ts). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PublishingMetrics) {}

  @Public()
  @UseGuards(MetricsTokenGuard)
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() res: Response): Promise<void> {
    const { contentType, body } = await this.metrics.render();
    // Sent as prom-client writes it (express's send would rewrite the content type's parameters).
    res.setHeader('Content-Type', contentType);
    res.end(body);
  }
}
