import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { InquiryStatus } from './inquiry-status.enum.js';
import { InquiryVia } from './inquiry-via.enum.js';

@ObjectType({
  description: 'A buyer’s question to a supplier organization, in the supplier’s inbox shared by its current members.',
})
export class Inquiry {
  @Field(() => ID, { description: 'Stable id of the inquiry.' })
  id: string;

  /** Exposed through `buyer`. */
  buyerId: string;

  /** Exposed through `supplier`. */
  supplierId: string;

  /** Exposed through `category`. */
  categoryId: string | null;

  @Field({ description: 'Its subject.' })
  subject: string;

  @Field({ description: 'The question, plain text.' })
  text: string;

  @Field(() => InquiryVia, { description: 'How the buyer reached the supplier: a warm lead or a cold one.' })
  via: InquiryVia;

  @Field(() => InquiryStatus, { description: 'OPEN until a member claims or closes it.' })
  status: InquiryStatus;

  /** Exposed through `claimedBy`. */
  claimedById: string | null;

  /** Exposed through `conversation`, to its participants. */
  conversationId: string | null;

  @Field({ description: 'When it was sent.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a member closed it; null while not closed.' })
  closedAt: Date | null;
}

@ObjectType({ description: 'A page of a supplier’s inquiries, newest first.' })
export class InquiryConnection extends ConnectionType(Inquiry, 'Inquiry') {}
