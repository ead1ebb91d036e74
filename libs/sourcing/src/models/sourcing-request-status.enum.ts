import { registerEnumType } from '@nestjs/graphql';

export enum SourcingRequestStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

registerEnumType(SourcingRequestStatus, {
  name: 'SourcingRequestStatus',
  description: 'Whether a sourcing request still takes answers.',
  valuesMap: {
    OPEN: { description: 'Its audience may answer it.' },
    CLOSED: { description: 'Closed by the requester; no more answers.' },
  },
});
