import { SetMetadata } from '@nestjs/common';

export const REQUIRES_VERIFIED_EMAIL = 'tradegraph:requiresVerifiedEmail';

/**
 * Marks an operation only accounts with a verified email address may run (recording, confirming and
 * rating trades, endorsing, referring, posting sourcing requests); others get FORBIDDEN.
 */
export const RequiresVerifiedEmail = (): MethodDecorator & ClassDecorator => SetMetadata(REQUIRES_VERIFIED_EMAIL, true);
