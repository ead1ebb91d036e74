import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CategoriesService } from '#tradegraph/categories';
import {
  AuthUser,
  badInput,
  byKeys,
  Connection,
  conflict,
  decodeTimeCursor,
  forbidden,
  notFound,
  offsetAfter,
  PageArgs,
  RequestLoaders,
  todayIso,
  toConnection,
  toKeysetConnection,
} from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { OrganizationsService } from '#tradegraph/organizations';
import { SupplierRecommendation, TrustService } from '#tradegraph/trust';
import { AnswerSourcingRequestInput } from './dto/answer-sourcing-request.input.js';
import { PostSourcingRequestInput } from './dto/post-sourcing-request.input.js';
import { SourcingAnswer } from './models/sourcing-answer.model.js';
import { SourcingRequestStatus } from './models/sourcing-request-status.enum.js';
import { SourcingRequest } from './models/sourcing-request.model.js';
import { SourcingRepository } from './sourcing.repository.js';

/** Kind tags of the cursors of a request's answers and of the requests a person can answer. */
const ANSWERS_CURSOR = 'sourcingAnswers';
const REQUESTS_FOR_CURSOR = 'sourcingRequestsForMe';
/** The degree the requester's suggested suppliers look into their network. */
const SUGGESTION_DEGREE = 2;
/** How many audience edges (and then notifications) one write transaction creates. */
const AUDIENCE_BATCH = 100;

/** Sourcing requests: ask my network who can supply a category, and hear back. */
@Injectable()
export class SourcingService {
  constructor(
    private readonly sourcing: SourcingRepository,
    private readonly categories: CategoriesService,
    private readonly organizations: OrganizationsService,
    private readonly trust: TrustService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Posts a request, visible to the requester's network within maxDegree as it is now: at most
   * SOURCING_AUDIENCE_MAX people, the nearest first. The audience and its notifications are written in
   * batches after the request, so no single transaction grows with the size of the network.
   */
  async post(user: AuthUser, input: PostSourcingRequestInput): Promise<SourcingRequest> {
    if (input.neededBy && input.neededBy < todayIso()) {
      throw badInput('input.neededBy', 'neededBy cannot be in the past.');
    }
    await this.categories.requireAll([input.categoryId], 'input.categoryId');
    const created = await this.sourcing.create(
      {
        id: randomUUID(),
        requesterId: user.id,
        categoryId: input.categoryId,
        description: input.description,
        maxDegree: input.maxDegree,
        neededBy: input.neededBy ?? null,
      },
      this.config.boundedWork.sourcingAudienceMax,
    );
    if (!created) throw notFound('Your profile no longer exists.');
    const { request, audienceIds } = created;
    for (let start = 0; start < audienceIds.length; start += AUDIENCE_BATCH) {
      const added = await this.sourcing.addAudience(request.id, audienceIds.slice(start, start + AUDIENCE_BATCH));
      await this.notifications.notify(
        added,
        NotificationKind.SOURCING_REQUEST_FROM_NETWORK,
        user.id,
        request.id,
        'asks their network for a supplier',
      );
    }
    return request;
  }

  /** The request when the viewer posted it or is in its audience; else null, as if it did not exist. */
  async get(viewer: AuthUser, id: string): Promise<SourcingRequest | null> {
    const [request] = await this.sourcing.findVisible(viewer.id, [id]);
    return request ?? null;
  }

  findVisible(viewer: AuthUser, ids: readonly string[]): Promise<SourcingRequest[]> {
    return this.sourcing.findVisible(viewer.id, ids);
  }

  /** Suggests a supplier for an OPEN request the caller can see and did not post. */
  async answer(user: AuthUser, input: AnswerSourcingRequestInput): Promise<SourcingAnswer> {
    const request = await this.requireAnswerable(user, input);
    const created = await this.sourcing.createAnswer({
      id: randomUUID(),
      requestId: input.requestId,
      answererId: user.id,
      supplierId: input.supplierId,
      comment: input.comment || null,
    });
    if (created) {
      await this.notifications.notify(
        [request.requesterId],
        NotificationKind.SOURCING_REQUEST_ANSWERED,
        user.id,
        created.id,
        'suggested a supplier for your sourcing request',
      );
      return created;
    }
    // A rule that held a moment ago changed before the write (a parallel answer, a close); report which.
    await this.requireAnswerable(user, input);
    throw conflict('The request changed while you answered it; try again.');
  }

  /** Closes an OPEN request; only its requester may. */
  async close(user: AuthUser, requestId: string): Promise<SourcingRequest> {
    const request = await this.get(user, requestId);
    if (!request) throw notFound(`No sourcing request has the id ${requestId}.`, 'requestId');
    if (request.requesterId !== user.id) throw forbidden('Only the requester can close a sourcing request.');
    if (request.status !== SourcingRequestStatus.OPEN) throw conflict('The sourcing request is already closed.');
    const closed = await this.sourcing.close(requestId);
    if (!closed) throw conflict('The sourcing request is already closed.');
    return closed;
  }

  /**
   * The same page (after the cursor `after`) of each request's answers: all for the requester, only the
   * viewer's own for others. Each total is counted only when selected, in one statement for the
   * requests of the GraphQL request that ask.
   */
  async answerPages(
    viewer: AuthUser,
    requestIds: readonly string[],
    first: number,
    after: string | null | undefined,
    loaders: RequestLoaders,
  ): Promise<Connection<SourcingAnswer>[]> {
    const key = decodeTimeCursor(after, ANSWERS_CURSOR);
    const pages = byKeys(
      requestIds,
      await this.sourcing.answerPages(viewer.id, requestIds, key, first),
      (page) => page.requestId,
    );
    const counts = loaders.get<string, number>('sourcingAnswerCounts', async (ids) =>
      byKeys(ids, await this.sourcing.answerCounts(viewer.id, ids), (row) => row.requestId).map(
        (row) => row?.total ?? 0,
      ),
    );
    return requestIds.map((id, i) =>
      toKeysetConnection(ANSWERS_CURSOR, pages[i]?.rows ?? [], first, key !== null, () => counts.load(id)),
    );
  }

  /** The open requests a person can answer are listed only to that person. */
  mayListRequestsFor(viewer: AuthUser, personId: string): boolean {
    return viewer.id === personId;
  }

  /** The OPEN requests the person is in the audience of, newest first; null for anyone but the viewer. */
  async requestsFor(
    viewer: AuthUser,
    personId: string,
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<SourcingRequest> | null> {
    if (!this.mayListRequestsFor(viewer, personId)) return null;
    const key = decodeTimeCursor(after, REQUESTS_FOR_CURSOR);
    const rows = await this.sourcing.openFor(personId, key, first);
    return toKeysetConnection(REQUESTS_FOR_CURSOR, rows, first, key !== null, () =>
      this.sourcing.countOpenFor(personId),
    );
  }

  /** A page of the requester's own shortlist for the request's category; empty for anyone else. */
  async suggestedSuppliers(
    viewer: AuthUser,
    request: SourcingRequest,
    page: PageArgs,
  ): Promise<Connection<SupplierRecommendation>> {
    if (viewer.id !== request.requesterId) return toConnection([], offsetAfter(page.after), 0);
    return this.trust.supplierShortlist(viewer, {
      categoryId: request.categoryId,
      maxDegree: SUGGESTION_DEGREE,
      first: page.first,
      after: page.after,
    });
  }

  /** Visible (else NOT_FOUND), not the caller's own, OPEN, a supplier of the category, not a duplicate. */
  private async requireAnswerable(user: AuthUser, input: AnswerSourcingRequestInput): Promise<SourcingRequest> {
    const request = await this.get(user, input.requestId);
    if (!request) throw notFound(`No sourcing request has the id ${input.requestId}.`, 'input.requestId');
    if (request.requesterId === user.id) throw forbidden('You cannot answer your own sourcing request.');
    if (request.status !== SourcingRequestStatus.OPEN) throw conflict('The sourcing request is closed.');
    const [supplier] = await this.organizations.findByIds([input.supplierId]);
    if (!supplier) throw badInput('input.supplierId', `No organization has the id ${input.supplierId}.`);
    if (!(await this.suppliesCategory(input.supplierId, request.categoryId))) {
      throw badInput('input.supplierId', `${supplier.name} does not supply the category of this request.`);
    }
    if (await this.sourcing.hasAnswered(input.requestId, user.id, input.supplierId)) {
      throw conflict('You already suggested this supplier for this request.');
    }
    return request;
  }

  /** True when the organization supplies the category or one of its subcategories. */
  private async suppliesCategory(organizationId: string, categoryId: string): Promise<boolean> {
    const supplied = await this.organizations.suppliedCategories([organizationId]);
    let frontier = supplied.map((row) => row.category);
    // Walk up from each supplied category; the category tree is shallow.
    for (let depth = 0; depth <= 5 && frontier.length > 0; depth++) {
      if (frontier.some((category) => category.id === categoryId)) return true;
      const parentIds = frontier.map((category) => category.parentId).filter((id): id is string => !!id);
      frontier = parentIds.length > 0 ? await this.categories.findByIds(parentIds) : [];
    }
    return false;
  }
}
