import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { Person } from '#tradegraph/people';

@ObjectType({ description: 'A page of people.' })
export class PersonConnection extends ConnectionType(Person, 'Person') {}
