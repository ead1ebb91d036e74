import { registerEnumType } from '@nestjs/graphql';

/** How warm a lead an inquiry is, so suppliers can prioritise. */
export enum InquiryVia {
  INTRODUCTION = 'INTRODUCTION',
  NETWORK = 'NETWORK',
  DIRECT = 'DIRECT',
}

registerEnumType(InquiryVia, {
  name: 'InquiryVia',
  description: 'How the buyer reached the supplier, so suppliers can prioritise warm leads.',
  valuesMap: {
    INTRODUCTION: {
      description: 'Through an accepted TradeGraph introduction about this supplier or to one of its members.',
    },
    NETWORK: { description: 'The buyer is within two connections of a current member of the supplier.' },
    DIRECT: { description: 'Neither: a cold inquiry.' },
  },
});
