import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { SourcingRequest } from './sourcing-request.model.js';

@ObjectType({ description: 'A page of sourcing requests.' })
export class SourcingRequestConnection extends ConnectionType(SourcingRequest, 'SourcingRequest') {}
