import { Global, Module } from '@nestjs/common';
import { PolicyRepository } from './policy.repository.js';
import { PolicyService } from './policy.service.js';

/** The one policy of what a viewer may see; global, since every feature lib consults it. */
@Global()
@Module({ providers: [PolicyRepository, PolicyService], exports: [PolicyService] })
export class PolicyModule {}
