import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AuthUser, unauthenticated } from '#tradegraph/common';
import { Strategy } from 'passport-local';
import { AccountsService } from '../accounts.service.js';

/** Email and password login. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly accounts: AccountsService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<AuthUser> {
    const user = await this.accounts.verifyCredentials(email, password);
    if (!user) throw unauthenticated('The email or password is incorrect.');
    return user;
  }
}
