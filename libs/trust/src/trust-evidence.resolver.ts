import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '#tradegraph/common';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import { Endorsement, endorsementLoader, EndorsementsService } from '#tradegraph/endorsements';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { hidingPeople } from '#tradegraph/policy';
import { Referral, referralLoader, ReferralsService } from '#tradegraph/referrals';
import { Trade, tradeLoader, TradesService } from '#tradegraph/trades';
import { EvidenceKind } from './models/evidence-kind.enum.js';
import { TrustEvidence } from './models/trust-evidence.model.js';

@Resolver(() => TrustEvidence)
export class TrustEvidenceResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly endorsements: EndorsementsService,
    private readonly trades: TradesService,
    private readonly referrals: ReferralsService,
  ) {}

  @ResolveField(() => Person, {
    nullable: true,
    description:
      'The person in your network behind the evidence; null when they opted out of network searches (the evidence still counts). People blocked either way give no evidence.',
  })
  person(@Parent() evidence: TrustEvidence, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    if (evidence.hidden) return null;
    return personLoader(loaders, this.people, viewer).load(evidence.personId);
  }

  @ResolveField(() => Endorsement, {
    nullable: true,
    description: 'The endorsement, when kind is ENDORSEMENT; its endorser is null when `person` is.',
  })
  async endorsement(@Parent() evidence: TrustEvidence, @Loaders() loaders: RequestLoaders) {
    if (evidence.kind !== EvidenceKind.ENDORSEMENT) return null;
    const endorsement = await endorsementLoader(loaders, this.endorsements).load(evidence.id);
    return hidingPeople(endorsement, evidence.hiddenPersonIds);
  }

  @ResolveField(() => Trade, {
    nullable: true,
    description:
      'The confirmed trade, when kind is TRADE; its recorder and confirmer are null when they opted out of network searches.',
  })
  async trade(@Parent() evidence: TrustEvidence, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    if (evidence.kind !== EvidenceKind.TRADE) return null;
    const trade = await tradeLoader(loaders, this.trades, viewer).load(evidence.id);
    return hidingPeople(trade, evidence.hiddenPersonIds);
  }

  @ResolveField(() => Referral, { nullable: true, description: 'The referral, when kind is REFERRAL.' })
  referral(@Parent() evidence: TrustEvidence, @Loaders() loaders: RequestLoaders) {
    if (evidence.kind !== EvidenceKind.REFERRAL) return null;
    return referralLoader(loaders, this.referrals).load(evidence.id);
  }
}
