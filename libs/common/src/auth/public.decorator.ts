import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tradegraph:isPublic';

/** Marks an operation or route that needs no access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
