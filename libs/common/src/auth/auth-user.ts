/** The authenticated caller, as the guard puts it on the request. Its id is both account and Person id. */
export interface AuthUser {
  id: string;
  email: string;
  /** Whether the account's email address is verified; set for callers signed in with an access token. */
  emailVerified?: boolean;
  /** The session (refresh-token family) of the caller's access token, when signed in with one. */
  sessionId?: string;
}
