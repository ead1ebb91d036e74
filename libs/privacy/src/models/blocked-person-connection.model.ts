import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { Person } from '#tradegraph/people';

@ObjectType({ description: 'A page of the people the viewer blocked.' })
export class BlockedPersonConnection extends ConnectionType(Person, 'BlockedPerson') {}
