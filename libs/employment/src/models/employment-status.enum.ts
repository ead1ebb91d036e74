import { registerEnumType } from '@nestjs/graphql';

export enum EmploymentStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  ENDED = 'ENDED',
}

registerEnumType(EmploymentStatus, {
  name: 'EmploymentStatus',
  description: 'Where an employment stands. Only APPROVED makes a person a current member.',
  valuesMap: {
    PENDING: { description: 'Requested by the person, waiting for an admin of the organization.' },
    APPROVED: { description: 'Confirmed by an admin: the person is a current member.' },
    ENDED: { description: 'Over (or withdrawn before approval).' },
  },
});
