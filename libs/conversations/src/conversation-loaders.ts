import DataLoader from 'dataloader';
import { AuthUser, RequestLoaders } from '#tradegraph/common';
import { ConversationsService } from './conversations.service.js';
import { Message } from './models/message.model.js';

/** Everyone blocked either way with the viewer, once per request. */
export function hiddenForViewer(loaders: RequestLoaders, service: ConversationsService, viewer: AuthUser) {
  return loaders
    .get<string, string[]>(`conversationHidden:${viewer.id}`, (ids) =>
      Promise.all(ids.map(() => service.hiddenFor(viewer))),
    )
    .load(viewer.id);
}

export function participantsLoader(
  loaders: RequestLoaders,
  service: ConversationsService,
): DataLoader<string, string[]> {
  return loaders.get<string, string[]>('conversationParticipants', async (ids) => {
    const byConversation = await service.participantIds(ids);
    return ids.map((id) => byConversation.get(id) ?? []);
  });
}

export function unreadCountLoader(
  loaders: RequestLoaders,
  service: ConversationsService,
  viewer: AuthUser,
): DataLoader<string, number> {
  return loaders.get<string, number>(`conversationUnread:${viewer.id}`, async (ids) => {
    const counts = await service.unreadCounts(viewer, await hiddenForViewer(loaders, service, viewer), ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export function lastMessageLoader(
  loaders: RequestLoaders,
  service: ConversationsService,
  viewer: AuthUser,
): DataLoader<string, Message | null> {
  return loaders.get<string, Message | null>(`conversationLastMessage:${viewer.id}`, async (ids) => {
    const last = await service.lastMessages(await hiddenForViewer(loaders, service, viewer), ids);
    return ids.map((id) => last.get(id) ?? null);
  });
}
