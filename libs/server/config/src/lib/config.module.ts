import { DynamicModule, Global, Module } from '@nestjs/common';
import { VestnikConfig } from './vestnik-config';

/** Injection token of the validated configuration. */
export const VESTNIK_CONFIG = Symbol('VESTNIK_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** The config is loaded once in main.ts (before Nest starts) and handed in here. */
  static forRoot(config: VestnikConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: VESTNIK_CONFIG, useValue: config }],
      exports: [VESTNIK_CONFIG],
    };
  }
}
