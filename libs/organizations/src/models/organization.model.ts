import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganizationRole } from './organization-role.enum.js';

@ObjectType({ description: 'A company on TradeGraph: a buyer, a supplier, or both.' })
export class Organization {
  @Field(() => ID, { description: 'Stable id of the organization.' })
  id: string;

  @Field({ description: 'Trading name.' })
  name: string;

  @Field({ description: 'Country of registration, ISO 3166-1 alpha-2.' })
  country: string;

  @Field(() => [OrganizationRole], {
    description: 'Whether it buys, supplies, or both: at most 2 values, so not paginated.',
  })
  roles: OrganizationRole[];

  @Field(() => String, { nullable: true, description: 'Public website (http or https URL).' })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'What the organization does, at most 2,000 characters.' })
  description: string | null;
}
