import { Trim, UpperTrim } from '#tradegraph/common';
import { Field, InputType } from '@nestjs/graphql';

import { IsISO31661Alpha2, IsOptional, IsString, ValidateIf } from 'class-validator';
import { OrganizationRole } from '../models/organization-role.enum.js';
import { IsDescription, IsOrganizationName, IsRoles, IsWebsite } from './organization-rules.js';

@InputType({ description: 'Changes to an organization. Omitted fields stay; null clears website or description.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: 'New trading name. Cannot be null.' })
  @ValidateIf((input: UpdateOrganizationInput) => input.name !== undefined)
  @Trim()
  @IsString({ message: 'name cannot be null' })
  @IsOrganizationName()
  name?: string;

  @Field(() => String, { nullable: true, description: 'New country, ISO 3166-1 alpha-2. Cannot be null.' })
  @ValidateIf((input: UpdateOrganizationInput) => input.country !== undefined)
  @UpperTrim()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE or US' })
  country?: string;

  @Field(() => [OrganizationRole], { nullable: true, description: 'New roles, at least one. Cannot be null.' })
  @ValidateIf((input: UpdateOrganizationInput) => input.roles !== undefined)
  @IsRoles()
  roles?: OrganizationRole[];

  @Field(() => String, { nullable: true, description: 'New website; null clears it.' })
  @IsOptional()
  @Trim()
  @IsWebsite()
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; null clears it.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsDescription()
  description?: string | null;
}
