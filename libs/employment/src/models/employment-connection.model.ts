import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { Employment } from './employment.model.js';

@ObjectType({ description: 'A page of employments.' })
export class EmploymentConnection extends ConnectionType(Employment, 'Employment') {}
