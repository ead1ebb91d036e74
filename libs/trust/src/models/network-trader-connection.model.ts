import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { NetworkTrader } from './network-trader.model.js';

@ObjectType({ description: 'A page of people in your network who traded with a supplier.' })
export class NetworkTraderConnection extends ConnectionType(NetworkTrader, 'NetworkTrader') {}
