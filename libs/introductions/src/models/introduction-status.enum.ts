import { registerEnumType } from '@nestjs/graphql';

export enum IntroductionStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(IntroductionStatus, {
  name: 'IntroductionStatus',
  description: 'Where an introduction stands. Only PENDING introductions can still change.',
  valuesMap: {
    PENDING: { description: 'Waiting for the person at the current step to accept or decline.' },
    ACCEPTED: { description: 'Accepted by every intermediary and the target: requester and target are connected.' },
    DECLINED: { description: 'Declined by an intermediary or the target; the chain stopped there.' },
    WITHDRAWN: {
      description:
        'Ended before it was decided: withdrawn by the requester, or because two of the people taking part ' +
        '(the requester included) blocked each other.',
    },
  },
});
