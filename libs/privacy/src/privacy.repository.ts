import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { ConnectionsVisibility } from './models/connections-visibility.enum.js';
import { PrivacySettings } from './models/privacy-settings.model.js';

/**
 * Absent properties mean the defaults: connections visible to everyone, findable in network searches,
 * accepting supplier inquiries.
 */
const SETTINGS_FIELDS = `coalesce(p.connectionsVisibility, 'EVERYONE') AS connectionsVisibility,
  coalesce(p.appearInNetworkSearches, true) AS appearInNetworkSearches,
  coalesce(p.acceptInquiries, true) AS acceptInquiries`;

/**
 * Cypher of the privacy settings, stored as properties of the Person node:
 * p.connectionsVisibility (ConnectionsVisibility), p.appearInNetworkSearches and p.acceptInquiries (booleans).
 * Other libs read them directly in their own Cypher (with the same defaults).
 */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async settings(personIds: readonly string[]): Promise<({ personId: string } & PrivacySettings)[]> {
    return this.neo4j.read<{ personId: string } & PrivacySettings>(
      'PrivacyRepository.settings',
      `UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       RETURN personId, ${SETTINGS_FIELDS}`,
      { personIds },
    );
  }

  /** Sets the given settings (null keeps the stored value); null when the person does not exist. */
  async update(
    personId: string,
    changes: {
      connectionsVisibility: ConnectionsVisibility | null;
      appearInNetworkSearches: boolean | null;
      acceptInquiries: boolean | null;
    },
  ): Promise<PrivacySettings | null> {
    const [row] = await this.neo4j.write<PrivacySettings>(
      'PrivacyRepository.update',
      `MATCH (p:Person {id: $personId})
       SET p.connectionsVisibility = coalesce($connectionsVisibility, p.connectionsVisibility),
           p.appearInNetworkSearches = coalesce($appearInNetworkSearches, p.appearInNetworkSearches),
           p.acceptInquiries = coalesce($acceptInquiries, p.acceptInquiries)
       RETURN ${SETTINGS_FIELDS}`,
      { personId, ...changes },
    );
    return row ?? null;
  }
}
