import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AuthUser } from '#tradegraph/common';
import { clientAddress } from '#tradegraph/rate-limits';
import { Request } from 'express';
import { Strategy } from 'passport-local';
import { LoginService } from '../login.service.js';

/** Email and password login, behind the login lockout. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly logins: LoginService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request, email: string, password: string): Promise<AuthUser> {
    return this.logins.login(email, password, clientAddress(request));
  }
}
