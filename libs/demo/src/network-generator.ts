import { generateActivity } from './network-activity.js';
import { generateStructure } from './network-structure.js';
import { GeneratedNetwork, NetworkOptions } from './network-types.js';

/**
 * A believable industrial trust network, fully determined by the options (no clock, no
 * Math.random): people working at buyers and suppliers in several countries, clustered
 * connections, and the trades, feedback, endorsements and referrals between them, each
 * respecting the rules the API enforces.
 */
export function generateNetwork(options: NetworkOptions): GeneratedNetwork {
  const structure = generateStructure(options);
  const activity = generateActivity(structure);
  return {
    people: structure.people,
    organizations: structure.organizations.map((draft) => draft.organization),
    employments: structure.employments,
    connections: structure.connections,
    ...activity,
  };
}
