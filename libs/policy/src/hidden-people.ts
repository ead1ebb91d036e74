/**
 * Anonymous evidence: an Endorsement, Trade or Referral shown as evidence of a network search whose
 * people the viewer may not name there. The search marks the object; the person fields of its type
 * ask `hidesPerson` and answer null, so one generic check covers every nested path to a person.
 */
export interface HidesPeople {
  /** The people this object must not name in the context it was returned in. */
  hiddenPersonIds?: ReadonlySet<string>;
}

/** A copy of `value` whose person fields answer null for the given people (null stays null). */
export function hidingPeople<T extends object>(value: T | null, personIds: Iterable<string>): (T & HidesPeople) | null {
  if (value === null) return null;
  const hidden = new Set(personIds);
  return hidden.size === 0 ? value : { ...value, hiddenPersonIds: hidden };
}

/** Whether a person field of `parent` must answer null for `personId`. */
export function hidesPerson(parent: object, personId: string | null | undefined): boolean {
  const hidden = (parent as HidesPeople).hiddenPersonIds;
  return personId != null && hidden !== undefined && hidden.has(personId);
}

/**
 * Whether a piece of network-search evidence must withhold its endorsement or trade: when it hides
 * anyone (its person, or a recorder, confirmer or feedback author). Nulling the person fields is not
 * enough, since the object's id, looked up elsewhere (`trade(id)`, `Organization.endorsements`),
 * would name them again; the evidence still counts, with its kind, degree and contribution.
 */
export function withholdsEvidenceObject(evidence: { hidden: boolean; hiddenPersonIds: readonly string[] }): boolean {
  return evidence.hidden || evidence.hiddenPersonIds.length > 0;
}
