import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { SupplierRecommendation } from './supplier-recommendation.model.js';

@ObjectType({ description: 'A page of suppliers ranked by the evidence your own network holds about them.' })
export class SupplierRecommendationConnection extends ConnectionType(
  SupplierRecommendation,
  'SupplierRecommendation',
) {}
