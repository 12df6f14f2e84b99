import { Global, Module } from '@nestjs/common';
import { PostMediaLookup, PostImage } from '@vestnik/server/posts';

class NoMedia extends PostMediaLookup {
  async describe(): Promise<Map<string, PostImage>> {
    return new Map();
  }
}

@Global()
@Module({ providers: [{ provide: PostMediaLookup, useClass: NoMedia }], exports: [PostMediaLookup] })
export class MediaBridgeModule {}
