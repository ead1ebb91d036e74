import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { TrustEvidence } from './trust-evidence.model.js';

@ObjectType({ description: 'A page of the evidence behind a supplier recommendation, largest contribution first.' })
export class TrustEvidenceConnection extends ConnectionType(TrustEvidence, 'TrustEvidence') {}
