import { EmailVerificationService, TokensService } from '#tradegraph/accounts';
import { AuthUser } from '#tradegraph/common';
import { Employment, EmploymentService } from '#tradegraph/employment';
import { Organization, OrganizationRole, OrganizationsService } from '#tradegraph/organizations';
import { TestApp } from './test-app.js';
import { tokenOf } from './test-mailbox.js';

let sequence = 0;
const next = () => `${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

export interface TestPerson {
  id: string;
  email: string;
  password: string;
  name: string;
  user: AuthUser;
  /** A valid access token for GraphQL requests. */
  token: string;
  refreshToken: string;
}

/**
 * Registers a real account and person through the services, verifies the address by the link in the
 * mail the test SMTP server received (unless `verified: false`), and signs them in.
 */
export async function newPerson(
  t: TestApp,
  overrides: Partial<{
    email: string;
    password: string;
    name: string;
    headline: string;
    country: string;
    verified: boolean;
  }> = {},
): Promise<TestPerson> {
  const { verified = true, ...fields } = overrides;
  const id = next();
  const input = {
    email: `person-${id}@test.example`,
    password: 'correct horse battery',
    name: `Person ${id}`,
    headline: null,
    country: 'DE',
    ...fields,
  };
  const verification = t.app.get(EmailVerificationService);
  const { account } = await verification.register(input);
  const mail = await t.mail.take(input.email, (received) => received.subject.startsWith('Verify'));
  if (verified) await verification.verify(tokenOf(mail));
  const user = { id: account.id, email: account.email, emailVerified: verified };
  const tokens = await t.app.get(TokensService).issue(user);
  return {
    id: account.id,
    email: input.email,
    password: input.password,
    name: input.name,
    user,
    token: tokens.accessToken,
    refreshToken: tokens.refreshToken,
  };
}

/** Creates an organization through the service; `owner` becomes its admin. */
export async function newOrganization(
  t: TestApp,
  owner: TestPerson,
  overrides: Partial<{
    name: string;
    country: string;
    roles: OrganizationRole[];
    categoryIds: string[];
    website: string;
  }> = {},
): Promise<Organization> {
  const { categoryIds, ...rest } = overrides;
  const organization = await t.app.get(OrganizationsService).create(owner.user, {
    name: `Organization ${next()}`,
    country: 'DE',
    roles: [OrganizationRole.BUYER, OrganizationRole.SUPPLIER],
    creatorTitle: 'Founder',
    ...rest,
  });
  if (categoryIds)
    await t.app.get(OrganizationsService).setSuppliedCategories(owner.user, organization.id, categoryIds);
  return organization;
}

/** A PENDING employment of `person`, approved by `approvedBy` when given. */
export async function newEmployment(
  t: TestApp,
  person: TestPerson,
  organization: Organization,
  options: { approvedBy?: TestPerson; title?: string; startedOn?: string } = {},
): Promise<Employment> {
  const service = t.app.get(EmploymentService);
  const employment = await service.request(person.user, {
    organizationId: organization.id,
    title: options.title ?? 'Engineer',
    startedOn: options.startedOn ?? null,
  });
  return options.approvedBy ? service.approve(options.approvedBy.user, employment.id) : employment;
}
