import { badInput, conflict, DomainError, forbidden } from '#tradegraph/common';
import { IntroductionStatus } from './models/introduction-status.enum.js';
import { Introduction } from './models/introduction.model.js';

/** The path's own rules, checked before anything is looked up: nobody twice, and never the requester. */
export function pathShapeError(requesterId: string, path: readonly string[]): DomainError | null {
  if (path.includes(requesterId)) return badInput('input.path', 'You cannot be part of your own introduction path.');
  const repeated = path.find((id, index) => path.indexOf(id) !== index);
  if (repeated !== undefined) return badInput('input.path', `Person ${repeated} appears more than once in the path.`);
  return null;
}

/**
 * The refusal for link `k` of the chain (from chain[k] to chain[k + 1]; the requester is position 0,
 * path entries count from 1). It names positions only, never people, and reads the same whether the
 * two are not connected, their edge is hidden from the requester, a block stands in the way or the
 * person at position k + 1 does not exist.
 */
export function brokenLinkError(k: number): DomainError {
  const between = k === 0 ? 'you and position 1' : `positions ${k} and ${k + 1}`;
  return badInput('input.path', `The path is broken between ${between}.`);
}

/**
 * Why `personId` may not respond now, or null when it is their turn. Outsiders (the requester
 * included) and people whose turn has not come are FORBIDDEN; a decided introduction, or a step
 * the person already decided, is a CONFLICT.
 */
export function respondError(introduction: Introduction, personId: string): DomainError | null {
  const index = introduction.steps.findIndex((step) => step.personId === personId);
  if (index < 0) return forbidden('Only the people along the introduction’s path may respond to it.');
  if (introduction.status !== IntroductionStatus.PENDING) {
    return conflict(
      `Only a PENDING introduction can be decided; this one is ${introduction.status}.`,
      'introductionId',
    );
  }
  const current = introduction.currentStep ?? -1;
  if (index > current) return forbidden('It is not your turn to respond to this introduction yet.');
  if (index < current) return conflict('You have already responded to this introduction.', 'introductionId');
  return null;
}

/** Only the requester may withdraw, and only while PENDING. */
export function withdrawError(introduction: Introduction, personId: string): DomainError | null {
  if (introduction.requesterId !== personId) return forbidden('Only the requester may withdraw an introduction.');
  if (introduction.status !== IntroductionStatus.PENDING) {
    return conflict(
      `Only a PENDING introduction can be withdrawn; this one is ${introduction.status}.`,
      'introductionId',
    );
  }
  return null;
}

/** The person who decides next, or null once decided. */
export function currentHandlerId(introduction: Introduction): string | null {
  if (introduction.status !== IntroductionStatus.PENDING || introduction.currentStep === null) return null;
  return introduction.steps[introduction.currentStep]?.personId ?? null;
}
