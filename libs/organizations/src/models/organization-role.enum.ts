import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationRole {
  BUYER = 'BUYER',
  SUPPLIER = 'SUPPLIER',
}

registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: 'What an organization does in trade; it may be both.',
  valuesMap: {
    BUYER: { description: 'Buys goods or services from suppliers.' },
    SUPPLIER: { description: 'Sells goods or services in one or more categories.' },
  },
});
