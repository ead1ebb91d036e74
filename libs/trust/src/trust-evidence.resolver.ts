import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '#tradegraph/common';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import { Endorsement, endorsementLoader, EndorsementsService } from '#tradegraph/endorsements';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { withholdsEvidenceObject } from '#tradegraph/policy';
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
    description:
      'The endorsement, when kind is ENDORSEMENT. Null when `person` is: its id, rating and comment would name the endorser elsewhere (the endorsement still counts).',
  })
  endorsement(@Parent() evidence: TrustEvidence, @Loaders() loaders: RequestLoaders) {
    if (evidence.kind !== EvidenceKind.ENDORSEMENT || withholdsEvidenceObject(evidence)) return null;
    return endorsementLoader(loaders, this.endorsements).load(evidence.id);
  }

  @ResolveField(() => Trade, {
    nullable: true,
    description:
      'The confirmed trade, when kind is TRADE. Null when `person` is, or when its recorder, confirmer or feedback author may not be named to you in network searches: its id would name them elsewhere (the trade still counts).',
  })
  trade(@Parent() evidence: TrustEvidence, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    if (evidence.kind !== EvidenceKind.TRADE || withholdsEvidenceObject(evidence)) return null;
    return tradeLoader(loaders, this.trades, viewer).load(evidence.id);
  }

  @ResolveField(() => Referral, { nullable: true, description: 'The referral, when kind is REFERRAL.' })
  referral(@Parent() evidence: TrustEvidence, @Loaders() loaders: RequestLoaders) {
    if (evidence.kind !== EvidenceKind.REFERRAL) return null;
    return referralLoader(loaders, this.referrals).load(evidence.id);
  }
}
