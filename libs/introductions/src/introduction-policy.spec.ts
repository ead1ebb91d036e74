import {
  brokenLinkError,
  currentHandlerId,
  pathShapeError,
  respondError,
  withdrawError,
} from './introduction-policy.js';
import { IntroductionDecision } from './models/introduction-decision.enum.js';
import { IntroductionStatus } from './models/introduction-status.enum.js';
import { Introduction } from './models/introduction.model.js';

const step = (personId: string, decision: IntroductionDecision | null = null) => ({
  personId,
  decision,
  note: null,
  decidedAt: decision ? new Date() : null,
});

/** Ada asks to meet Cleo through Ben; Ben has already passed it on unless told otherwise. */
const introduction = (overrides: Partial<Introduction> = {}): Introduction => ({
  id: 'intro',
  requesterId: 'ada',
  supplierId: null,
  message: 'Hi',
  status: IntroductionStatus.PENDING,
  currentStep: 1,
  steps: [step('ben', IntroductionDecision.ACCEPTED), step('cleo')],
  createdAt: new Date(),
  ...overrides,
});

describe('pathShapeError', () => {
  it('accepts distinct people other than the requester', () => {
    expect(pathShapeError('ada', ['ben', 'cleo'])).toBeNull();
  });

  it.each([
    [['ben', 'ada'], 'You cannot be part of your own introduction path.'],
    [['ben', 'ben'], 'Person ben appears more than once in the path.'],
    [['ben', 'cleo', 'ben'], 'Person ben appears more than once in the path.'],
  ])('rejects %p on input.path', (path, message) => {
    expect(pathShapeError('ada', path)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.path', message });
  });
});

describe('brokenLinkError', () => {
  it('names positions of the path only, counting the requester as position 0', () => {
    expect(brokenLinkError(0)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.path',
      message: 'The path is broken between you and position 1.',
    });
    expect(brokenLinkError(2).message).toBe('The path is broken between positions 2 and 3.');
  });
});

describe('respondError', () => {
  it('lets only the person at the current step respond', () => {
    expect(respondError(introduction(), 'cleo')).toBeNull();
  });

  it('forbids the requester and outsiders, whatever the status', () => {
    for (const status of Object.values(IntroductionStatus)) {
      expect(respondError(introduction({ status }), 'ada')).toMatchObject({ code: 'FORBIDDEN' });
      expect(respondError(introduction({ status }), 'dan')).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('forbids people whose turn has not come', () => {
    const waiting = introduction({ currentStep: 0, steps: [step('ben'), step('cleo')] });
    expect(respondError(waiting, 'cleo')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers CONFLICT to a person who already decided and once the introduction is decided', () => {
    expect(respondError(introduction(), 'ben')).toMatchObject({ code: 'CONFLICT', field: 'introductionId' });
    const decided = introduction({ status: IntroductionStatus.DECLINED, currentStep: null });
    expect(respondError(decided, 'cleo')).toMatchObject({ code: 'CONFLICT', field: 'introductionId' });
  });
});

describe('withdrawError', () => {
  it('lets the requester withdraw while PENDING, and answers CONFLICT afterwards', () => {
    expect(withdrawError(introduction(), 'ada')).toBeNull();
    expect(withdrawError(introduction({ status: IntroductionStatus.WITHDRAWN }), 'ada')).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('forbids everyone else', () => {
    for (const person of ['ben', 'cleo', 'dan']) {
      expect(withdrawError(introduction(), person)).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('currentHandlerId', () => {
  it('is the person at the current step while PENDING, and nobody once decided', () => {
    expect(currentHandlerId(introduction())).toBe('cleo');
    expect(currentHandlerId(introduction({ status: IntroductionStatus.ACCEPTED, currentStep: null }))).toBeNull();
  });
});
