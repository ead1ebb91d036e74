import { Trim, UpperTrim } from '#tradegraph/common';
import { Field, InputType } from '@nestjs/graphql';

import { IsISO31661Alpha2, IsOptional, IsString, Length } from 'class-validator';
import { OrganizationRole } from '../models/organization-role.enum.js';
import { IsDescription, IsOrganizationName, IsRoles, IsWebsite } from './organization-rules.js';

@InputType({ description: 'A new organization. The caller becomes its first admin.' })
export class CreateOrganizationInput {
  @Field({ description: 'Trading name, 1 to 200 characters.' })
  @Trim()
  @IsString()
  @IsOrganizationName()
  name: string;

  @Field({ description: 'Country of registration, ISO 3166-1 alpha-2 (e.g. "DE").' })
  @UpperTrim()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE or US' })
  country: string;

  @Field(() => [OrganizationRole], { description: 'BUYER, SUPPLIER, or both; at least one.' })
  @IsRoles()
  roles: OrganizationRole[];

  @Field(() => String, { nullable: true, description: 'Public website, an http or https URL.' })
  @IsOptional()
  @Trim()
  @IsWebsite()
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organization does, at most 2,000 characters.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsDescription()
  description?: string | null;

  @Field({ description: 'The creator’s job title there, 1 to 100 characters, e.g. "Head of Procurement".' })
  @Trim()
  @IsString()
  @Length(1, 100, { message: 'creatorTitle must be 1 to 100 characters' })
  creatorTitle: string;
}
