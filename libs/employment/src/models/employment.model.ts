import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalarType } from '#tradegraph/common';
import { EmploymentStatus } from './employment-status.enum.js';

@ObjectType({ description: 'A person’s job at an organization, as requested by them and approved by its admins.' })
export class Employment {
  @Field(() => ID, { description: 'Stable id of the employment.' })
  id: string;

  /** Exposed through `person`. */
  personId: string;

  /** Exposed through `organization`. */
  organizationId: string;

  /** Whether an admin ever confirmed it (true for APPROVED ones, and for ENDED ones that had been). Not exposed. */
  wasApproved: boolean;

  @Field({ description: 'Job title there.' })
  title: string;

  @Field(() => EmploymentStatus, { description: 'PENDING until an admin approves it; ENDED once over.' })
  status: EmploymentStatus;

  @Field({ description: 'Whether the person may administer the organization (update it, approve employments).' })
  isAdmin: boolean;

  @Field(() => DateScalarType, { nullable: true, description: 'First day, when known.' })
  startedOn: string | null;

  @Field(() => DateScalarType, { nullable: true, description: 'Last day, once ENDED.' })
  endedOn: string | null;
}
