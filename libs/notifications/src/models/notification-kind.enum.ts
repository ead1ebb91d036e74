import { registerEnumType } from '@nestjs/graphql';

/** What a notification is about; `subjectId` is the id of the thing named here. */
export enum NotificationKind {
  CONNECTION_REQUEST_RECEIVED = 'CONNECTION_REQUEST_RECEIVED',
  CONNECTION_REQUEST_ACCEPTED = 'CONNECTION_REQUEST_ACCEPTED',
  INTRODUCTION_WAITING = 'INTRODUCTION_WAITING',
  INTRODUCTION_ACCEPTED = 'INTRODUCTION_ACCEPTED',
  INTRODUCTION_DECLINED = 'INTRODUCTION_DECLINED',
  ORGANIZATION_ENDORSED = 'ORGANIZATION_ENDORSED',
  TRADE_RECORDED = 'TRADE_RECORDED',
  TRADE_CONFIRMED = 'TRADE_CONFIRMED',
  TRADE_REJECTED = 'TRADE_REJECTED',
  TRADES_IMPORTED = 'TRADES_IMPORTED',
  FEEDBACK_RECEIVED = 'FEEDBACK_RECEIVED',
  REFERRAL_RECEIVED = 'REFERRAL_RECEIVED',
  SOURCING_REQUEST_FROM_NETWORK = 'SOURCING_REQUEST_FROM_NETWORK',
  SOURCING_REQUEST_ANSWERED = 'SOURCING_REQUEST_ANSWERED',
  MESSAGE_RECEIVED = 'MESSAGE_RECEIVED',
  INQUIRY_RECEIVED = 'INQUIRY_RECEIVED',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about; its `subjectId` is the id of that thing.',
  valuesMap: {
    CONNECTION_REQUEST_RECEIVED: { description: 'Someone asked to connect with you (subject: the ConnectionRequest).' },
    CONNECTION_REQUEST_ACCEPTED: {
      description: 'Your connection request was accepted (subject: the ConnectionRequest).',
    },
    INTRODUCTION_WAITING: { description: 'An introduction waits for your decision (subject: the Introduction).' },
    INTRODUCTION_ACCEPTED: { description: 'Your introduction was accepted by its target (subject: the Introduction).' },
    INTRODUCTION_DECLINED: { description: 'Your introduction was declined (subject: the Introduction).' },
    ORGANIZATION_ENDORSED: { description: 'Your organization was endorsed (subject: the Endorsement).' },
    TRADE_RECORDED: { description: 'A trade with your organization waits for confirmation (subject: the Trade).' },
    TRADE_CONFIRMED: { description: 'A trade you recorded was confirmed (subject: the Trade).' },
    TRADE_REJECTED: { description: 'A trade you recorded was rejected (subject: the Trade).' },
    TRADES_IMPORTED: {
      description:
        'A buyer imported trades with your organization that wait for confirmation; one notification per import ' +
        '(subject: the buyer Organization).',
    },
    FEEDBACK_RECEIVED: { description: 'Your organization received feedback on a trade (subject: the Feedback).' },
    REFERRAL_RECEIVED: { description: 'Someone referred a supplier to you (subject: the Referral).' },
    SOURCING_REQUEST_FROM_NETWORK: {
      description: 'Someone in your network asks for a supplier (subject: the SourcingRequest).',
    },
    SOURCING_REQUEST_ANSWERED: { description: 'Your sourcing request got an answer (subject: the SourcingAnswer).' },
    MESSAGE_RECEIVED: {
      description:
        'New messages in a conversation (subject: the Conversation); one until you read the conversation, not one per message.',
    },
    INQUIRY_RECEIVED: { description: 'A buyer asked your organization a question (subject: the Inquiry).' },
  },
});
