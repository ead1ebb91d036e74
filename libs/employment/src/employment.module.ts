import { Module } from '@nestjs/common';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { OrganizationMembersResolver } from './organization-members.resolver.js';
import { PersonEmploymentsResolver } from './person-employments.resolver.js';
import { EmploymentRepository } from './employment.repository.js';
import { EmploymentResolver } from './employment.resolver.js';
import { EmploymentService } from './employment.service.js';

@Module({
  imports: [PeopleModule, OrganizationsModule],
  providers: [
    EmploymentRepository,
    EmploymentService,
    EmploymentResolver,
    PersonEmploymentsResolver,
    OrganizationMembersResolver,
  ],
  exports: [EmploymentService],
})
export class EmploymentModule {}
