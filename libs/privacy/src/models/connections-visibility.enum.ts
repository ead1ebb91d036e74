import { registerEnumType } from '@nestjs/graphql';

export enum ConnectionsVisibility {
  EVERYONE = 'EVERYONE',
  CONNECTIONS = 'CONNECTIONS',
  ONLY_ME = 'ONLY_ME',
}

registerEnumType(ConnectionsVisibility, {
  name: 'ConnectionsVisibility',
  description: 'Who may see a person’s connections and connection count (the person themself always can).',
  valuesMap: {
    EVERYONE: { description: 'Every signed-in user (the default).' },
    CONNECTIONS: { description: 'Only the person’s direct connections.' },
    ONLY_ME: { description: 'Nobody but the person.' },
  },
});
