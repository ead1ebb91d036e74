import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  badInput,
  byKeys,
  conflict,
  Connection,
  notFound,
  RequestLoaders,
  toConnection,
} from '#tradegraph/common';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { OrganizationsService } from '#tradegraph/organizations';
import { PeopleService } from '#tradegraph/people';
import { PolicyService, ShownPath } from '#tradegraph/policy';
import { RequestIntroductionInput } from './dto/request-introduction.input.js';
import { brokenLinkError, pathShapeError, respondError, withdrawError } from './introduction-policy.js';
import { IntroductionPage, IntroductionsRepository } from './introductions.repository.js';
import { IntroductionStatus } from './models/introduction-status.enum.js';
import { Introduction } from './models/introduction.model.js';

@Injectable()
export class IntroductionsService {
  constructor(
    private readonly introductions: IntroductionsRepository,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly policy: PolicyService,
  ) {}

  /** Starts an introduction along a chain of direct connections from the caller to the target. */
  async request(user: AuthUser, input: RequestIntroductionInput): Promise<Introduction> {
    await this.requireRequestable(user.id, input);
    const id = randomUUID();
    const created = await this.introductions.create({
      id,
      requesterId: user.id,
      path: input.path,
      supplierId: input.supplierId ?? null,
      message: input.message,
    });
    if (!created) {
      // A link or a person vanished between the checks and the write; report which rule now fails.
      await this.requireRequestable(user.id, input);
      throw notFound('Your profile no longer exists.');
    }
    const introduction = await this.get(id);
    await this.notifyOutcome(introduction, user.id);
    return introduction;
  }

  /**
   * The introduction's path (intermediaries, then target) as the viewer may see it: the chain from
   * the requester obeys the path rules from the viewer's place in it, so a link the viewer may not
   * learn hides one of its people (null). The requester is the chain's start and shown on its own.
   */
  async shownPath(loaders: RequestLoaders, viewer: AuthUser, introduction: Introduction): Promise<ShownPath> {
    const chain = [introduction.requesterId, ...introduction.steps.map((step) => step.personId)];
    return (await this.policy.sanitizeChain(loaders, viewer.id, chain)).slice(1);
  }

  /** The person whose turn it is passes the introduction on, accepts it as the target, or declines it. */
  async respond(user: AuthUser, introductionId: string, accept: boolean, note?: string | null): Promise<Introduction> {
    const introduction = await this.get(introductionId);
    const error = respondError(introduction, user.id);
    if (error) throw error;
    const index = introduction.currentStep as number;
    if (!(await this.introductions.respond(introductionId, user.id, index, accept, note || null))) {
      // Another response won the introduction's lock first.
      throw respondError(await this.get(introductionId), user.id) ?? lostRace();
    }
    const responded = await this.get(introductionId);
    await this.notifyOutcome(responded, user.id);
    return responded;
  }

  /** The requester withdraws a PENDING introduction. */
  async withdraw(user: AuthUser, introductionId: string): Promise<Introduction> {
    const error = withdrawError(await this.get(introductionId), user.id);
    if (error) throw error;
    if (!(await this.introductions.withdraw(introductionId))) {
      throw withdrawError(await this.get(introductionId), user.id) ?? lostRace();
    }
    return this.get(introductionId);
  }

  /** Tells the person whose turn it now is, or the requester how it ended. */
  private async notifyOutcome(introduction: Introduction, actorId: string): Promise<void> {
    const { id, requesterId, status, currentStep, steps } = introduction;
    if (status === IntroductionStatus.PENDING && currentStep !== null && steps[currentStep]) {
      const summary = currentStep === 0 ? 'asks you for an introduction' : 'passed on an introduction to you';
      await this.notifications.notify(
        [steps[currentStep].personId],
        NotificationKind.INTRODUCTION_WAITING,
        actorId,
        id,
        summary,
      );
    } else if (status === IntroductionStatus.ACCEPTED) {
      await this.notifications.notify(
        [requesterId],
        NotificationKind.INTRODUCTION_ACCEPTED,
        actorId,
        id,
        'accepted your introduction',
      );
    } else if (status === IntroductionStatus.DECLINED) {
      await this.notifications.notify(
        [requesterId],
        NotificationKind.INTRODUCTION_DECLINED,
        actorId,
        id,
        'declined your introduction',
      );
    }
  }

  async get(id: string): Promise<Introduction> {
    const [introduction] = await this.introductions.findByIds([id]);
    if (!introduction) throw notFound(`No introduction has the id ${id}.`, 'introductionId');
    return introduction;
  }

  /** A person's introductions, to handle or requested, are visible only to that person. */
  mayListIntroductionsOf(viewer: AuthUser, personId: string): boolean {
    return viewer.id === personId;
  }

  /** A page of PENDING introductions waiting for each given person; null for anyone but the viewer. */
  toHandle(
    viewer: AuthUser,
    personIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<Introduction> | null)[]> {
    return this.ownPages(viewer, personIds, offset, (own) => this.introductions.waitingForPages(own, offset, first));
  }

  /** A page of introductions requested by each given person; null for anyone but the viewer. */
  requested(
    viewer: AuthUser,
    personIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<Introduction> | null)[]> {
    return this.ownPages(viewer, personIds, offset, (own) => this.introductions.requestedPages(own, offset, first));
  }

  /** Queries only the pages the viewer may list, and answers null for the others. */
  private async ownPages(
    viewer: AuthUser,
    personIds: readonly string[],
    offset: number,
    fetch: (own: string[]) => Promise<IntroductionPage[]>,
  ): Promise<(Connection<Introduction> | null)[]> {
    const own = personIds.filter((id) => this.mayListIntroductionsOf(viewer, id));
    const pages = byKeys(personIds, own.length > 0 ? await fetch(own) : [], (page) => page.personId);
    return personIds.map((id, i) =>
      own.includes(id) ? toConnection(pages[i]?.items ?? [], offset, pages[i]?.total ?? 0) : null,
    );
  }

  /**
   * The path's shape, that the requester and the supplier exist, and that every link can carry the
   * introduction. A broken link is reported by position only, and reads the same whether the two are
   * not connected, their edge is hidden from the requester, one of them blocked the other or the
   * requester, or a person does not exist: so the refusal reveals neither an edge nor a block.
   */
  private async requireRequestable(requesterId: string, input: RequestIntroductionInput): Promise<void> {
    const shapeError = pathShapeError(requesterId, input.path);
    if (shapeError) throw shapeError;
    if ((await this.people.findByIds([requesterId])).length === 0) throw notFound('Your profile no longer exists.');
    if (input.supplierId) {
      const [supplier] = await this.organizations.findByIds([input.supplierId]);
      if (!supplier) throw badInput('input.supplierId', `No organization has the id ${input.supplierId}.`);
    }
    const broken = await this.introductions.firstBrokenLink(requesterId, input.path);
    if (broken !== null) throw brokenLinkError(broken);
  }
}

/** Only reachable if the introduction changed again between two reads; ask to retry. */
function lostRace() {
  return conflict('The introduction changed while you responded; please try again.', 'introductionId');
}
