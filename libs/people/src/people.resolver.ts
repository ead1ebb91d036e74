import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { UpdateProfileInput } from './dto/update-profile.input.js';
import { Person } from './models/person.model.js';
import { personLoader } from './people.loader.js';
import { PeopleService } from './people.service.js';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(private readonly people: PeopleService) {}

  @Query(() => Person, { description: 'The authenticated caller.' })
  me(@CurrentUser() user: AuthUser): Promise<Person> {
    return this.people.get(user.id);
  }

  @Query(() => Person, { nullable: true, description: 'A person by id, or null when there is none.' })
  person(
    @Args('id', { type: () => ID, description: 'Id of the person.' }) id: string,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    return personLoader(loaders, this.people, viewer).load(id);
  }

  @Mutation(() => Person, {
    description:
      'Changes the caller’s own profile and returns it. Errors: BAD_USER_INPUT (invalid input, with `field`), NOT_FOUND (your profile no longer exists).',
  })
  updateProfile(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The fields to change.' }) input: UpdateProfileInput,
  ): Promise<Person> {
    return this.people.updateProfile(user, input);
  }
}
