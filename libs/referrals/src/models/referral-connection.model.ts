import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { Referral } from './referral.model.js';

@ObjectType({ description: 'A page of referrals.' })
export class ReferralConnection extends ConnectionType(Referral, 'Referral') {}
