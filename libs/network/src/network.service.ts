import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  badInput,
  byKeys,
  conflict,
  Connection,
  forbidden,
  notFound,
  toConnection,
} from '#tradegraph/common';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { PeopleService, Person } from '#tradegraph/people';
import { mostVisiblePath } from '#tradegraph/policy';
import { ConnectionPath } from './models/connection-path.model.js';
import { ConnectionRequestStatus } from './models/connection-request-status.enum.js';
import { ConnectionRequest } from './models/connection-request.model.js';
import { NetworkRepository, RequestPage } from './network.repository.js';

@Injectable()
export class NetworkService {
  constructor(
    private readonly network: NetworkRepository,
    private readonly people: PeopleService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Sends a request to connect, unless the two are connected or a request between them is pending.
   * A blocked pair (either way) cannot reach each other: the refusal is the unknown person's.
   */
  async request(user: AuthUser, personId: string, message?: string | null): Promise<ConnectionRequest> {
    if (personId === user.id) throw badInput('personId', 'You cannot connect with yourself.');
    const created = await this.network.createRequest({
      id: randomUUID(),
      fromId: user.id,
      toId: personId,
      message: message || null,
    });
    if (created) {
      await this.notifications.notify(
        [personId],
        NotificationKind.CONNECTION_REQUEST_RECEIVED,
        user.id,
        created.id,
        'wants to connect with you',
      );
      return created;
    }
    // Nothing was created: find out why.
    const state = await this.network.pairState(user.id, personId);
    // The same answer as for an unknown id, so that neither side learns of a block.
    if (!state.found) throw notFound(`No person has the id ${personId}.`, 'personId');
    if (state.connected) throw conflict('You are already connected with this person.', 'personId');
    throw conflict('A connection request between you and this person is already pending.', 'personId');
  }

  /** The recipient accepts (which connects the two) or declines a PENDING request. */
  async respond(user: AuthUser, requestId: string, accept: boolean): Promise<ConnectionRequest> {
    const request = await this.getRequest(requestId);
    if (request.toId !== user.id) throw forbidden('Only the recipient may respond to a connection request.');
    if (request.status !== ConnectionRequestStatus.PENDING) throw notPending(request);
    const responded = await this.network.respond(requestId, accept);
    if (!responded) throw notPending(await this.getRequest(requestId));
    if (accept) {
      await this.notifications.notify(
        [request.fromId],
        NotificationKind.CONNECTION_REQUEST_ACCEPTED,
        user.id,
        requestId,
        'accepted your connection request',
      );
    }
    return responded;
  }

  /** The sender takes back a PENDING request. */
  async withdraw(user: AuthUser, requestId: string): Promise<ConnectionRequest> {
    const request = await this.getRequest(requestId);
    if (request.fromId !== user.id) throw forbidden('Only the sender may withdraw a connection request.');
    if (request.status !== ConnectionRequestStatus.PENDING) throw notPending(request);
    const withdrawn = await this.network.withdraw(requestId);
    if (!withdrawn) throw notPending(await this.getRequest(requestId));
    return withdrawn;
  }

  /** Ends the caller's connection with a person; NOT_FOUND when they are not connected. */
  async removeConnection(user: AuthUser, personId: string): Promise<boolean> {
    if (!(await this.network.removeConnection(user.id, personId))) {
      throw notFound('You are not connected with this person.', 'personId');
    }
    return true;
  }

  async getRequest(id: string): Promise<ConnectionRequest> {
    const [request] = await this.network.findRequestsByIds([id]);
    if (!request) throw notFound(`No connection request has the id ${id}.`, 'requestId');
    return request;
  }

  /**
   * A shortest path from the caller to a person within `maxDepth` connections, or null when there is
   * none: of the shortest paths, the one the path rules hide least of (null for a hidden person). A
   * person the caller may not see (blocked either way) is answered like an unknown id.
   */
  async path(user: AuthUser, toPersonId: string, maxDepth: number): Promise<ConnectionPath | null> {
    if (toPersonId === user.id) return { degree: 0, personIds: [(await this.people.get(user.id, 'toPersonId')).id] };
    const result = await this.network.shortestPaths(user.id, toPersonId, maxDepth);
    if (!result) throw notFound('Your profile no longer exists.');
    if (!result.found) throw notFound(`No person has the id ${toPersonId}.`, 'toPersonId');
    const personIds = mostVisiblePath(user.id, result.candidates);
    return personIds ? { degree: personIds.length - 1, personIds } : null;
  }

  /** People connected to both the caller and a person, ordered by name then id. */
  async mutualConnections(
    user: AuthUser,
    personId: string,
    first: number,
    offset: number,
  ): Promise<Connection<Person>> {
    const page = await this.network.mutualPage(user.id, personId, offset, first);
    if (!page) throw notFound(`No person has the id ${personId}.`, 'personId');
    return toConnection(page.items, offset, page.total);
  }

  /**
   * The same page of direct connections of each person, in the order of `personIds`; null where the
   * person's connectionsVisibility hides them from the viewer. People the viewer may not see (blocked
   * either way) are neither listed nor counted.
   */
  async connections(
    viewer: AuthUser,
    personIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<Person> | null)[]> {
    const visible = await this.visibleConnectionOwners(viewer, personIds);
    const ids = personIds.filter((id) => visible.has(id));
    const rows = ids.length > 0 ? await this.network.connectionPages(viewer.id, ids, offset, first) : [];
    const pages = byKeys(personIds, rows, (p) => p.personId);
    return pages.map((page, i) =>
      visible.has(personIds[i]) ? toConnection(page?.items ?? [], offset, page?.total ?? 0) : null,
    );
  }

  /** Connection counts, in the order of `personIds`; null where hidden from the viewer. */
  async connectionCounts(viewer: AuthUser, personIds: readonly string[]): Promise<(number | null)[]> {
    const visible = await this.visibleConnectionOwners(viewer, personIds);
    const ids = personIds.filter((id) => visible.has(id));
    const rows = ids.length > 0 ? await this.network.connectionCounts(viewer.id, ids) : [];
    const counts = byKeys(personIds, rows, (row) => row.personId);
    return counts.map((row, i) => (visible.has(personIds[i]) ? (row?.count ?? 0) : null));
  }

  /** Which of the people let the viewer see their connections: themself always, others by the policy. */
  private async visibleConnectionOwners(viewer: AuthUser, personIds: readonly string[]): Promise<Set<string>> {
    const others = personIds.filter((id) => id !== viewer.id);
    const visible = others.length > 0 ? await this.network.connectionsVisibleTo(viewer.id, others) : [];
    return new Set([...visible, ...personIds.filter((id) => id === viewer.id)]);
  }

  /** Distance from the viewer to each person: 0 for the viewer, 1 to 3, null beyond or unconnected. */
  async degrees(viewer: AuthUser, personIds: readonly string[]): Promise<(number | null)[]> {
    const others = personIds.filter((id) => id !== viewer.id);
    const rows = others.length > 0 ? await this.network.degrees(viewer.id, others) : [];
    const found = byKeys(personIds, rows, (row) => row.personId);
    return personIds.map((id, index) => (id === viewer.id ? 0 : (found[index]?.degree ?? null)));
  }

  /** A page of PENDING requests to each person; only the viewer sees their own (null for anyone else). */
  incomingRequests(
    viewer: AuthUser,
    personIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<ConnectionRequest> | null)[]> {
    return this.ownOnly(viewer, personIds, offset, (ids) => this.network.incomingRequestPages(ids, offset, first));
  }

  /** A page of PENDING requests from each person; only the viewer sees their own (null for anyone else). */
  outgoingRequests(
    viewer: AuthUser,
    personIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<ConnectionRequest> | null)[]> {
    return this.ownOnly(viewer, personIds, offset, (ids) => this.network.outgoingRequestPages(ids, offset, first));
  }

  private async ownOnly(
    viewer: AuthUser,
    personIds: readonly string[],
    offset: number,
    fetch: (ids: string[]) => Promise<RequestPage[]>,
  ): Promise<(Connection<ConnectionRequest> | null)[]> {
    const [own] = personIds.includes(viewer.id) ? await fetch([viewer.id]) : [];
    return personIds.map((id) => (id === viewer.id ? toConnection(own?.items ?? [], offset, own?.total ?? 0) : null));
  }
}

function notPending(request: ConnectionRequest) {
  return conflict(`Only a PENDING connection request can change; this one is ${request.status}.`, 'requestId');
}
