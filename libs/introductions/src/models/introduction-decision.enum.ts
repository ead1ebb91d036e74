import { registerEnumType } from '@nestjs/graphql';

export enum IntroductionDecision {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(IntroductionDecision, {
  name: 'IntroductionDecision',
  description: 'What one person along an introduction’s path decided.',
  valuesMap: {
    ACCEPTED: { description: 'Passed the introduction on (an intermediary) or accepted it (the target).' },
    DECLINED: { description: 'Declined, which ended the introduction.' },
  },
});
