import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { SourcingAnswer } from './sourcing-answer.model.js';

@ObjectType({ description: 'A page of answers to a sourcing request.' })
export class SourcingAnswerConnection extends ConnectionType(SourcingAnswer, 'SourcingAnswer') {}
