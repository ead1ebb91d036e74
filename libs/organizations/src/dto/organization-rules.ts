import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { OrganizationRole } from '../models/organization-role.enum.js';

export const ORGANIZATION_NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const WEBSITE_MAX = 2048;

export const IsOrganizationName = () =>
  applyDecorators(
    Length(1, ORGANIZATION_NAME_MAX, { message: `name must be 1 to ${ORGANIZATION_NAME_MAX} characters` }),
    Matches(/\S/, { message: 'name must not be blank' }),
  );

export const IsRoles = () =>
  applyDecorators(
    ArrayMinSize(1, { message: 'roles must name at least one role' }),
    ArrayMaxSize(2),
    ArrayUnique({ message: 'roles must not repeat a role' }),
    IsEnum(OrganizationRole, { each: true }),
  );

export const IsWebsite = () =>
  applyDecorators(
    MaxLength(WEBSITE_MAX, { message: `website must be at most ${WEBSITE_MAX} characters` }),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true },
      { message: 'website must be an http or https URL' },
    ),
  );

export const IsDescription = () =>
  MaxLength(DESCRIPTION_MAX, { message: `description must be at most ${DESCRIPTION_MAX} characters` });
