import { registerEnumType } from '@nestjs/graphql';

/** Where an inquiry stands in the supplier's inbox. */
export enum InquiryStatus {
  OPEN = 'OPEN',
  CLAIMED = 'CLAIMED',
  CLOSED = 'CLOSED',
}

registerEnumType(InquiryStatus, {
  name: 'InquiryStatus',
  description: 'Where an inquiry stands in the supplier’s inbox.',
  valuesMap: {
    OPEN: { description: 'Waiting for a member of the supplier to claim it.' },
    CLAIMED: { description: 'A member handles it, in a conversation with the buyer.' },
    CLOSED: { description: 'A member closed it.' },
  },
});
