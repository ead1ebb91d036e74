import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Person } from '#tradegraph/people';

@ObjectType({ description: 'Tokens of a signed-in session and the person it belongs to.' })
export class AuthPayload {
  @Field({ description: 'Short-lived JWT to send as `Authorization: Bearer <token>`.' })
  accessToken: string;

  @Field({ description: 'Single-use token that obtains the next pair through `refreshToken`. Keep it secret.' })
  refreshToken: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn: number;

  @Field(() => Person, { description: 'The signed-in person.' })
  person: Person;
}
