import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { ConnectionRequest } from './connection-request.model.js';

@ObjectType({ description: 'A page of connection requests.' })
export class ConnectionRequestConnection extends ConnectionType(ConnectionRequest, 'ConnectionRequest') {}
