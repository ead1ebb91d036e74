/**
 * The mutations the policy-leaks test builds its network with, each sent over HTTP as a client
 * would and checked for errors with the step named, so a refused setup step says which one.
 */
import { tokenOf } from './test-mailbox.js';
import { TestApp } from './test-app.js';

const MUTATIONS = {
  register: `mutation($input: RegisterInput!) { register(input: $input) { accessToken person { id } } }`,
  privacy: `mutation($input: UpdatePrivacySettingsInput!) { updatePrivacySettings(input: $input) { connectionsVisibility } }`,
  createOrganization: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
  supplies: `mutation($id: ID!, $categories: [ID!]!) { setSuppliedCategories(organizationId: $id, categoryIds: $categories) { id } }`,
  requestEmployment: `mutation($input: RequestEmploymentInput!) { requestEmployment(input: $input) { id } }`,
  approveEmployment: `mutation($id: ID!) { approveEmployment(employmentId: $id) { id } }`,
  endEmployment: `mutation($id: ID!) { endEmployment(employmentId: $id) { id } }`,
  requestConnection: `mutation($id: ID!) { requestConnection(personId: $id) { id } }`,
  respondToConnectionRequest: `mutation($id: ID!, $accept: Boolean!) { respondToConnectionRequest(requestId: $id, accept: $accept) { id } }`,
  recordTrade: `mutation($input: RecordTradeInput!) { recordTrade(input: $input) { id } }`,
  confirmTrade: `mutation($id: ID!) { confirmTrade(tradeId: $id) { id } }`,
  rejectTrade: `mutation($id: ID!) { rejectTrade(tradeId: $id) { id } }`,
  leaveFeedback: `mutation($input: LeaveFeedbackInput!) { leaveFeedback(input: $input) { id } }`,
  endorseSupplier: `mutation($input: EndorseSupplierInput!) { endorseSupplier(input: $input) { id } }`,
  referSupplier: `mutation($input: ReferSupplierInput!) { referSupplier(input: $input) { id } }`,
  requestIntroduction: `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`,
  respondToIntroduction: `mutation($id: ID!, $accept: Boolean!) { respondToIntroduction(introductionId: $id, accept: $accept) { id status } }`,
  postSourcingRequest: `mutation($input: PostSourcingRequestInput!) { postSourcingRequest(input: $input) { id } }`,
  answerSourcingRequest: `mutation($input: AnswerSourcingRequestInput!) { answerSourcingRequest(input: $input) { id } }`,
  startConversation: `mutation($input: StartConversationInput!) { startConversation(input: $input) { id lastMessage { id } } }`,
  sendMessage: `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
  sendInquiry: `mutation($input: SendInquiryInput!) { sendInquiry(input: $input) { id } }`,
  claimInquiry: `mutation($id: ID!) { claimInquiry(inquiryId: $id) { id conversation { id lastMessage { id } } } }`,
  blockPerson: `mutation($id: ID!) { blockPerson(personId: $id) }`,
  deleteAccount: `mutation($password: String!) { deleteAccount(password: $password) }`,
} as const;

export type MutationName = keyof typeof MUTATIONS;

/** Sends one setup mutation; throws with the step, the caller and the errors when it is refused. */
export async function mutate(
  t: TestApp,
  name: MutationName,
  variables: Record<string, unknown>,
  as: { token: string; key?: string },
): Promise<any> {
  const res = await t.gql(MUTATIONS[name], variables, as.token);
  if (res.errors || !res.data) {
    throw new Error(
      `Setup step ${name} by ${as.key ?? 'someone'} with ${JSON.stringify(variables)} was refused: ` +
        JSON.stringify(res.errors),
    );
  }
  return Object.values(res.data)[0];
}

/** Registers an account through the API and verifies it by its mailed link; its token signs every later step. */
export async function register(t: TestApp, input: { email: string; name: string; password: string }) {
  const res = await t.gql<{ register: { accessToken: string; person: { id: string } } }>(MUTATIONS.register, {
    input,
  });
  if (res.errors || !res.data) throw new Error(`Registering ${input.name} failed: ${JSON.stringify(res.errors)}`);
  const token = tokenOf(await t.mail.take(input.email));
  const verified = await t.gql(`mutation($token: String!) { verifyEmail(token: $token) { id } }`, { token });
  if (verified.errors) throw new Error(`Verifying ${input.name} failed: ${JSON.stringify(verified.errors)}`);
  return { id: res.data.register.person.id, token: res.data.register.accessToken };
}
