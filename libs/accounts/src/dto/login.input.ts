import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@InputType({ description: 'Credentials of an existing account.' })
export class LoginInput {
  @Field({ description: 'The account’s email address, in any letter case.' })
  @IsString()
  @MaxLength(254)
  email: string;

  @Field({ description: 'The account’s password.' })
  @IsString()
  @MaxLength(200)
  password: string;
}
