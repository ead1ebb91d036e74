import { Injectable } from '@nestjs/common';
import { AuthUser, byKeys, notFound } from '#tradegraph/common';
import { UpdatePrivacySettingsInput } from './dto/update-privacy-settings.input.js';
import { PrivacySettings } from './models/privacy-settings.model.js';
import { PrivacyRepository } from './privacy.repository.js';

@Injectable()
export class PrivacyService {
  constructor(private readonly privacy: PrivacyRepository) {}

  /** Changes the caller's settings; omitted (or null) fields keep their value. */
  async update(user: AuthUser, input: UpdatePrivacySettingsInput): Promise<PrivacySettings> {
    const settings = await this.privacy.update(user.id, {
      connectionsVisibility: input.connectionsVisibility ?? null,
      appearInNetworkSearches: input.appearInNetworkSearches ?? null,
      acceptInquiries: input.acceptInquiries ?? null,
    });
    if (!settings) throw notFound('Your profile no longer exists.');
    return settings;
  }

  /** A person's settings are visible only to that person. */
  maySeeSettingsOf(viewer: AuthUser, personId: string): boolean {
    return viewer.id === personId;
  }

  /** The settings of each given person (null for anyone but the viewer), in the order of `personIds`. */
  async settings(viewer: AuthUser, personIds: readonly string[]): Promise<(PrivacySettings | null)[]> {
    const own = personIds.filter((id) => this.maySeeSettingsOf(viewer, id));
    const rows = own.length > 0 ? await this.privacy.settings(own) : [];
    return byKeys(personIds, rows, (row) => row.personId).map((row) =>
      row
        ? {
            connectionsVisibility: row.connectionsVisibility,
            appearInNetworkSearches: row.appearInNetworkSearches,
            acceptInquiries: row.acceptInquiries,
          }
        : null,
    );
  }
}
