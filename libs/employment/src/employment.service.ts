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

  /** Current members: approved, not ended employments. */
  async members(organizationId: string, first: number, offset: number): Promise<Connection<Employment>> {
    const page = await this.employments.pageByOrganization(organizationId, EmploymentStatus.APPROVED, offset, first);
    return toConnection(page.items, offset, page.total);
  }

  /** Requests waiting for approval; only the organization's admins may see them (null for others). */
  async pendingRequests(
    viewer: AuthUser,
    organizationId: string,
    first: number,
    offset: number,
  ): Promise<Connection<Employment> | null> {
    if (!(await this.organizations.isAdmin(organizationId, viewer.id))) return null;
    const page = await this.employments.pageByOrganization(organizationId, EmploymentStatus.PENDING, offset, first);
    return toConnection(page.items, offset, page.total);
  }
}

function notPending(employment: Employment) {
  return conflict(`Only a PENDING employment can be approved; this one is ${employment.status}.`, 'employmentId');
}
