import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { Endorsement } from './endorsement.model.js';

@ObjectType({ description: 'A page of endorsements.' })
export class EndorsementConnection extends ConnectionType(Endorsement, 'Endorsement') {}
