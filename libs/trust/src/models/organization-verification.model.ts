import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'How an organization’s identity is backed: by the email domain of its members, and by members of other verified organizations it traded with.',
})
export class OrganizationVerification {
  organizationId: string;

  @Field({
    description:
      'True when a current member’s verified email address is on the registrable domain (by the Public Suffix List) of the organization’s website, or a subdomain of it. A website or address with no registrable domain (a public suffix such as co.uk or github.io, an IP address, localhost) never verifies, and neither do free and disposable mail providers (a shipped list).',
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
      'Vouching from the network: how many distinct people, current members of other domain-verified organizations, belong to an organization that has a CONFIRMED public trade with this one (as buyer or supplier). Its own current members do not count, nor do people hidden from you by a block (either way). 0 when none.',
  })
  vouchedBy: number;
}
