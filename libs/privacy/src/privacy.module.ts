import { Module } from '@nestjs/common';
import { BlockingRepository } from './blocking.repository.js';
import { BlockingResolver } from './blocking.resolver.js';
import { BlockingService } from './blocking.service.js';
import { PersonPrivacyResolver } from './person-privacy.resolver.js';
import { PrivacyRepository } from './privacy.repository.js';
import { PrivacyResolver } from './privacy.resolver.js';
import { PrivacyService } from './privacy.service.js';

/** Privacy settings (stored on the Person node) and blocking. */
@Module({
  providers: [
    PrivacyRepository,
    PrivacyService,
    PrivacyResolver,
    BlockingRepository,
    BlockingService,
    BlockingResolver,
    PersonPrivacyResolver,
  ],
  exports: [PrivacyService, BlockingService],
})
export class PrivacyModule {}
