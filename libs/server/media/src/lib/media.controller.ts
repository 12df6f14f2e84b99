import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MEDIA_MIME_TYPES, MediaListQuery, MediaPage, MediaView, UploadMediaRequest } from '@vestnik/contracts';
import { CurrentActor, SignedInActor } from '@vestnik/server/http';
import { THUMBNAIL_MIME_TYPE } from './image-processing';
import { MediaUploadInterceptor } from './media-upload.interceptor';
import { MediaBytes, MediaService, UploadedImageFile } from './media.service';

/** Images are private to their organization's subtree: browsers may keep them, shared caches may not. */
const CACHE_CONTROL = 'private, max-age=3600';

@ApiTags('media')
@ApiBearerAuth()
@Controller('v1/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post()
  @UseInterceptors(MediaUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'organizationId'],
      properties: { file: { type: 'string', format: 'binary' }, organizationId: { type: 'string', format: 'uuid' } },
    },
  })
  @ApiOperation({ summary: 'Upload a JPEG, PNG, GIF or WebP (editor or above); the type is read from the bytes, location metadata removed' })
  upload(@CurrentActor() actor: SignedInActor, @Body() body: UploadMediaRequest, @UploadedFile() file: UploadedImageFile | undefined): Promise<MediaView> {
    return this.media.upload(actor, body.organizationId, file);
  }

  @Get()
  @ApiOperation({ summary: "An organization's images, newest first, paged" })
  list(@CurrentActor() actor: SignedInActor, @Query() query: MediaListQuery): Promise<MediaPage> {
    return this.media.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<MediaView> {
    return this.media.get(actor, id);
  }

  @Get(':id/content')
  @Header('Cache-Control', CACHE_CONTROL)
  @ApiProduces(...MEDIA_MIME_TYPES)
  @ApiOkResponse({ description: 'The file as stored (metadata removed), of its own type', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'The stored image bytes' })
  async content(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<StreamableFile> {
    return download(await this.media.content(actor, id));
  }

  @Get(':id/thumbnail')
  @Header('Cache-Control', CACHE_CONTROL)
  @ApiProduces(THUMBNAIL_MIME_TYPE)
  @ApiOkResponse({ description: 'A WebP image', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'A WebP preview, at most 320 px on the long side' })
  async thumbnail(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<StreamableFile> {
    return download(await this.media.thumbnail(actor, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an image (editor or above); 409 while something uses it' })
  remove(@CurrentActor() actor: SignedInActor, @Param('id') id: string): Promise<void> {
    return this.media.remove(actor, id);
  }
}

function download(file: MediaBytes): StreamableFile {
  return new StreamableFile(file.bytes, {
    type: file.mimeType,
    length: file.bytes.length,
    disposition: `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
