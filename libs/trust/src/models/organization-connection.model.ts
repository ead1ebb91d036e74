import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { Organization } from '#tradegraph/organizations';

@ObjectType({ description: 'A page of organizations.' })
export class OrganizationConnection extends ConnectionType(Organization, 'Organization') {}
