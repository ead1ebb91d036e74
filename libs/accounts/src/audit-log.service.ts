import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditLogEntry } from './entities/audit-log-entry.entity.js';

const SECRET_KEYS = new Set(['password', 'refreshToken', 'accessToken', 'currentPassword', 'newPassword']);

/** Replaces secrets anywhere in a value with "[redacted]". */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.has(key) ? '[redacted]' : redactSecrets(inner)]),
    );
  }
  return value;
}

@Injectable()
export class AuditLogService {
  constructor(@InjectRepository(AuditLogEntry) private readonly entries: Repository<AuditLogEntry>) {}

  async record(entry: {
    actorId: string | null;
    action: string;
    targetId: string | null;
    details: unknown;
  }): Promise<void> {
    await this.entries.insert({
      id: randomUUID(),
      actorId: entry.actorId,
      action: entry.action,
      targetId: entry.targetId,
      details: JSON.stringify(redactSecrets(entry.details) ?? {}),
      occurredAt: new Date(),
    });
  }

  /** Entries about a target, newest first. */
  forTarget(targetId: string, limit = 100): Promise<AuditLogEntry[]> {
    return this.entries.find({ where: { targetId }, order: { occurredAt: 'DESC' }, take: limit });
  }

  /** Entries by an actor, newest first. */
  byActor(actorId: string, limit = 100): Promise<AuditLogEntry[]> {
    return this.entries.find({ where: { actorId }, order: { occurredAt: 'DESC' }, take: limit });
  }
}
