import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { Introduction } from './introduction.model.js';

@ObjectType({ description: 'A page of introductions.' })
export class IntroductionConnection extends ConnectionType(Introduction, 'Introduction') {}
