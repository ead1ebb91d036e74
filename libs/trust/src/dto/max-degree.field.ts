import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_DEGREE = 3;

/** The `maxDegree: Int = 2` argument shared by the network-ranked queries: 1 to 3 connection steps. */
export const MaxDegreeField = (): PropertyDecorator =>
  applyDecorators(
    Field(() => Int, {
      nullable: true,
      defaultValue: 2,
      description: `How far into your network to look, 1 to ${MAX_DEGREE} connection steps.`,
    }),
    IsInt({ message: `maxDegree must be 1 to ${MAX_DEGREE}` }),
    Min(1, { message: `maxDegree must be 1 to ${MAX_DEGREE}` }),
    Max(MAX_DEGREE, { message: `maxDegree must be 1 to ${MAX_DEGREE}` }),
  );
