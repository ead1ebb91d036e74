import { registerEnumType } from '@nestjs/graphql';

export enum ConnectionRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ConnectionRequestStatus, {
  name: 'ConnectionRequestStatus',
  description: 'Where a connection request stands. Only PENDING requests can still change.',
  valuesMap: {
    PENDING: { description: 'Sent, waiting for the recipient to accept or decline it.' },
    ACCEPTED: { description: 'Accepted by the recipient: the two people are connected.' },
    DECLINED: { description: 'Declined by the recipient.' },
    WITHDRAWN: { description: 'Withdrawn by the sender before the recipient responded.' },
  },
});
