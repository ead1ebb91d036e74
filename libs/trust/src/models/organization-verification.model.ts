import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'How an organization’s identity is backed: by the email domain of its members, and by members of other verified organizations it traded with.',
})
export class OrganizationVerification {
  organizationId: string;

  @Field({
    description:
      'True when a current member’s verified email address is on the domain of the organization’s website, or a subdomain of it. Free and disposable mail providers (a shipped list) never verify, as address or as website.',
  })
  domainVerified: boolean;

  @Field(() => String, { nullable: true, description: 'The website domain that is verified; null when not verified.' })
  verifiedDomain: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Since when it is domain-verified: the earliest moment one such member was both approved and verified; null when not verified.',
  })
  verifiedAt: Date | null;

  @Field(() => Int, {
    description:
      'Vouching from the network: how many distinct people, current members of other domain-verified organizations, belong to an organization that has a CONFIRMED public trade with this one (as buyer or supplier). Its own current members do not count. 0 when none.',
  })
  vouchedBy: number;
}
