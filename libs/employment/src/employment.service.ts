import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  badInput,
  byKeys,
  conflict,
  Connection,
  decodeKeyCursor,
  forbidden,
  notFound,
  RequestLoaders,
  todayIso,
  toConnection,
  toKeysetConnection,
} from '#tradegraph/common';
import { OrganizationsService } from '#tradegraph/organizations';
import { RequestEmploymentInput } from './dto/request-employment.input.js';
import { EmploymentRepository } from './employment.repository.js';
import { EmploymentStatus } from './models/employment-status.enum.js';
import { Employment } from './models/employment.model.js';

@Injectable()
export class EmploymentService {
  constructor(
    private readonly employments: EmploymentRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  async request(user: AuthUser, input: RequestEmploymentInput): Promise<Employment> {
    if (input.startedOn && input.startedOn > todayIso()) {
      throw badInput('input.startedOn', 'startedOn cannot be in the future.');
    }
    await this.organizations.get(input.organizationId, 'input.organizationId');
    const created = await this.employments.createPending({
      id: randomUUID(),
      personId: user.id,
      organizationId: input.organizationId,
      title: input.title,
      startedOn: input.startedOn ?? null,
    });
    if (!created) {
      throw conflict('You already have a pending or approved employment at this organization.', 'input.organizationId');
    }
    return created;
  }

  /** Admins of the organization approve PENDING employments. */
  async approve(user: AuthUser, employmentId: string): Promise<Employment> {
    const decision = await this.employments.approve(employmentId, user.id);
    if (!decision) throw unknownEmployment(employmentId);
    if (decision.outcome === 'FORBIDDEN') throw forbidden('Only an admin of the organization may approve employments.');
    if (decision.outcome !== 'OK') throw notPending(decision.employment);
    return decision.employment;
  }

  /**
   * The person ends their own employment; an admin of the organization may end anyone's. The last
   * admin may not leave while others are still members there.
   */
  async end(user: AuthUser, employmentId: string, endedOn: string | null | undefined): Promise<Employment> {
    const employment = await this.get(employmentId);
    if (employment.personId !== user.id && !(await this.organizations.isAdmin(employment.organizationId, user.id))) {
      throw forbidden('Only the person or an admin of the organization may end this employment.');
    }
    if (employment.status === EmploymentStatus.ENDED) throw alreadyEnded();
    const lastDay = endedOn ?? todayIso();
    if (lastDay > todayIso()) throw badInput('endedOn', 'endedOn cannot be in the future.');
    if (employment.startedOn && lastDay < employment.startedOn) {
      throw badInput('endedOn', 'endedOn cannot be before startedOn.');
    }
    // The checks above give clear errors; the write checks them again under the organization's lock.
    const decision = await this.employments.end(employmentId, lastDay, user.id);
    if (!decision) throw unknownEmployment(employmentId);
    switch (decision.outcome) {
      case 'OK':
        return decision.employment;
      case 'FORBIDDEN':
        throw forbidden('Only the person or an admin of the organization may end this employment.');
      case 'WRONG_STATUS':
        throw alreadyEnded();
      case 'LAST_ADMIN':
        throw conflict(
          'The last admin of an organization cannot leave while others are members there; make another member admin first.',
          'employmentId',
        );
    }
  }

  /**
   * An admin of the organization appoints or removes an admin among its current (APPROVED) members.
   * The last admin keeps admin rights: appoint another first.
   */
  async setAdmin(user: AuthUser, employmentId: string, isAdmin: boolean): Promise<Employment> {
    const decision = await this.employments.setAdmin(employmentId, isAdmin, user.id);
    if (!decision) throw unknownEmployment(employmentId);
    switch (decision.outcome) {
      case 'OK':
        return decision.employment;
      case 'FORBIDDEN':
        throw forbidden('Only an admin of the organization may appoint or remove admins.');
      case 'WRONG_STATUS':
        throw conflict(
          `Only a current (APPROVED) employment can be made admin or not; this one is ${decision.employment.status}.`,
          'employmentId',
        );
      case 'LAST_ADMIN':
        throw conflict('This is the last admin of the organization; make another member admin first.', 'employmentId');
    }
  }

  async get(id: string): Promise<Employment> {
    const [employment] = await this.employments.findByIds([id]);
    if (!employment) throw unknownEmployment(id);
    return employment;
  }

  findByIds(ids: readonly string[]): Promise<Employment[]> {
    return this.employments.findByIds(ids);
  }

  /**
   * The same page of employments of each person as the viewer may see them: all of their own, others'
   * once approved. A request withdrawn or declined before approval is ENDED but was never confirmed,
   * so it stays private.
   */
  async employmentsOf(
    viewer: AuthUser,
    personIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<Connection<Employment>[]> {
    const rows = await this.employments.pagesByPeople(personIds, viewer.id, offset, first);
    const pages = byKeys(personIds, rows, (row) => row.personId);
    return pages.map((page) => toConnection(page?.items ?? [], offset, page?.total ?? 0));
  }

  /** The same page of current members (approved, not ended employments) of each organization, as the viewer may see them. */
  async members(
    viewer: AuthUser,
    organizationIds: readonly string[],
    first: number,
    after: string | null | undefined,
    loaders: RequestLoaders,
  ): Promise<Connection<Employment>[]> {
    return this.pages(viewer, organizationIds, EmploymentStatus.APPROVED, first, after, loaders);
  }

  /** Requests waiting for approval; only an organization's admins see them (null for others). */
  async pendingRequests(
    viewer: AuthUser,
    organizationIds: readonly string[],
    first: number,
    after: string | null | undefined,
    loaders: RequestLoaders,
  ): Promise<(Connection<Employment> | null)[]> {
    const adminOf = await this.organizations.adminOrganizations(viewer.id, organizationIds);
    const visible = organizationIds.filter((id) => adminOf.has(id));
    const pages = await this.pages(viewer, visible, EmploymentStatus.PENDING, first, after, loaders);
    const byId = new Map(pages.map((page, i) => [visible[i], page]));
    return organizationIds.map((id) => byId.get(id) ?? null);
  }

  /**
   * Keyset pages (by person name, person id, employment id) after the cursor `after`; each total is
   * counted only when selected, in one statement for all the organizations of the request that ask.
   */
  private async pages(
    viewer: AuthUser,
    organizationIds: readonly string[],
    status: EmploymentStatus,
    first: number,
    after: string | null | undefined,
    loaders: RequestLoaders,
  ): Promise<Connection<Employment>[]> {
    const kind = MEMBER_CURSORS[status];
    const key = decodeKeyCursor(after, kind, ['string', 'string', 'string']);
    if (organizationIds.length === 0) return [];
    const rows = await this.employments.pagesByOrganizations(
      viewer.id,
      organizationIds,
      status,
      key && { name: key[0], personId: key[1], id: key[2] },
      first,
    );
    const pages = byKeys(organizationIds, rows, (row) => row.organizationId);
    const counts = loaders.get<string, number>(`${kind}Counts`, async (ids) =>
      byKeys(
        ids,
        await this.employments.countsByOrganizations(viewer.id, ids, status),
        (row) => row.organizationId,
      ).map((row) => row?.total ?? 0),
    );
    return organizationIds.map((id, i) =>
      toKeysetConnection(kind, pages[i]?.rows ?? [], first, key !== null, () => counts.load(id)),
    );
  }
}

/** Kind tags of the cursors of the lists of employments of an organization, by status. */
const MEMBER_CURSORS: Record<EmploymentStatus, string> = {
  [EmploymentStatus.APPROVED]: 'members',
  [EmploymentStatus.PENDING]: 'pendingEmployments',
  [EmploymentStatus.ENDED]: 'endedEmployments',
};

function unknownEmployment(id: string) {
  return notFound(`No employment has the id ${id}.`, 'employmentId');
}

function alreadyEnded() {
  return conflict('This employment has already ended.', 'employmentId');
}

function notPending(employment: Employment) {
  return conflict(`Only a PENDING employment can be approved; this one is ${employment.status}.`, 'employmentId');
}
