import { registerEnumType } from '@nestjs/graphql';

export enum EvidenceKind {
  ENDORSEMENT = 'ENDORSEMENT',
  TRADE = 'TRADE',
  REFERRAL = 'REFERRAL',
}

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What kind of network evidence supports a supplier recommendation.',
  valuesMap: {
    ENDORSEMENT: { description: 'Someone in your network endorsed the supplier in the category.' },
    TRADE: { description: 'An organization with a member in your network bought from the supplier (confirmed trade).' },
    REFERRAL: { description: 'Someone in your network referred the supplier to you.' },
  },
});
