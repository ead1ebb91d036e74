import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '#tradegraph/common';
import { CurrentUser } from '#tradegraph/common';
import { UpdatePrivacySettingsInput } from './dto/update-privacy-settings.input.js';
import { PrivacySettings } from './models/privacy-settings.model.js';
import { PrivacyService } from './privacy.service.js';

@Resolver()
export class PrivacyResolver {
  constructor(private readonly privacy: PrivacyService) {}

  @Mutation(() => PrivacySettings, {
    description:
      'Changes your privacy settings; omitted fields stay as they are. Errors: BAD_USER_INPUT (invalid input, with `field`), NOT_FOUND (your profile no longer exists).',
  })
  updatePrivacySettings(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The settings to change.' }) input: UpdatePrivacySettingsInput,
  ): Promise<PrivacySettings> {
    return this.privacy.update(user, input);
  }
}
