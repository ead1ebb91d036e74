import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AuthUser, unauthenticated } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccountsService } from '../accounts.service.js';

/** Accepts `Authorization: Bearer <access token>` while the account still exists. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly accounts: AccountsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: { sub?: unknown }): Promise<AuthUser> {
    const user = typeof payload.sub === 'string' ? await this.accounts.findUser(payload.sub) : null;
    if (!user) throw unauthenticated();
    return user;
  }
}
