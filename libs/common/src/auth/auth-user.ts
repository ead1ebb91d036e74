/** The authenticated caller, as the guard puts it on the request. Its id is both account and Person id. */
export interface AuthUser {
  id: string;
  email: string;
}
