import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  badInput,
  conflict,
  Connection,
  forbidden,
  notFound,
  todayIso,
  toConnection,
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
    const employment = await this.get(employmentId);
    if (!(await this.organizations.isAdmin(employment.organizationId, user.id))) {
      throw forbidden('Only an admin of the organization may approve employments.');
    }
    if (employment.status !== EmploymentStatus.PENDING) throw notPending(employment);
    const approved = await this.employments.approve(employmentId, user.id);
    if (!approved) throw notPending(await this.get(employmentId));
    return approved;
  }

  /** The person ends their own employment; an admin of the organization may end anyone's. */
  async end(user: AuthUser, employmentId: string, endedOn: string | null | undefined): Promise<Employment> {
    const employment = await this.get(employmentId);
    if (employment.personId !== user.id && !(await this.organizations.isAdmin(employment.organizationId, user.id))) {
      throw forbidden('Only the person or an admin of the organization may end this employment.');
    }
    if (employment.status === EmploymentStatus.ENDED)
      throw conflict('This employment has already ended.', 'employmentId');
    const lastDay = endedOn ?? todayIso();
    if (lastDay > todayIso()) throw badInput('endedOn', 'endedOn cannot be in the future.');
    if (employment.startedOn && lastDay < employment.startedOn) {
      throw badInput('endedOn', 'endedOn cannot be before startedOn.');
    }
    const ended = await this.employments.end(employmentId, lastDay, user.id);
    if (!ended) {
      const current = await this.get(employmentId);
      if (current.status === EmploymentStatus.ENDED)
        throw conflict('This employment has already ended.', 'employmentId');
      throw conflict(
        'The last admin of an organization cannot leave it; make another member admin first.',
        'employmentId',
      );
    }
    return ended;
  }

  async get(id: string): Promise<Employment> {
    const [employment] = await this.employments.findByIds([id]);
    if (!employment) throw notFound(`No employment has the id ${id}.`, 'employmentId');
    return employment;
  }

  findByIds(ids: readonly string[]): Promise<Employment[]> {
    return this.employments.findByIds(ids);
  }

  /**
   * Employments of each person as the viewer may see them: all of their own, others' once approved.
   * A request withdrawn or declined before approval is ENDED but was never confirmed, so it stays private.
   */
  async forPeople(viewer: AuthUser, personIds: readonly string[]): Promise<Employment[]> {
    const all = await this.employments.forPeople(personIds);
    return all.filter((e) => e.personId === viewer.id || e.wasApproved);
  }

  /** The same page of current members (approved, not ended employments) of each organization. */
  async members(organizationIds: readonly string[], first: number, offset: number): Promise<Connection<Employment>[]> {
    return this.pages(organizationIds, EmploymentStatus.APPROVED, first, offset);
  }

  /** Requests waiting for approval; only an organization's admins see them (null for others). */
  async pendingRequests(
    viewer: AuthUser,
    organizationIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<Employment> | null)[]> {
    const adminOf = await this.organizations.adminOrganizations(viewer.id, organizationIds);
    const visible = organizationIds.filter((id) => adminOf.has(id));
    const pages = new Map(
      (await this.pages(visible, EmploymentStatus.PENDING, first, offset)).map((page, i) => [visible[i], page]),
    );
    return organizationIds.map((id) => pages.get(id) ?? null);
  }

  private async pages(
    organizationIds: readonly string[],
    status: EmploymentStatus,
    first: number,
    offset: number,
  ): Promise<Connection<Employment>[]> {
    if (organizationIds.length === 0) return [];
    const rows = await this.employments.pagesByOrganizations(organizationIds, status, offset, first);
    const byId = new Map(rows.map((row) => [row.organizationId, row]));
    return organizationIds.map((id) => {
      const page = byId.get(id);
      return toConnection(page?.items ?? [], offset, page?.total ?? 0);
    });
  }
}

function notPending(employment: Employment) {
  return conflict(`Only a PENDING employment can be approved; this one is ${employment.status}.`, 'employmentId');
}
