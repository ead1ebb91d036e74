import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AuthUser, unauthenticated } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { jwtKey } from '../jwt-key.js';
import { AccessClaims, TokensService } from '../tokens.service.js';

/** Accepts `Authorization: Bearer <access token>` while the account exists and the token's session is active. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tokens: TokensService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject rather than the string: see jwt-key.ts (the types predate KeyObject support).
      secretOrKey: jwtKey(config.auth.jwtSecret) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<AuthUser> {
    const user = await this.tokens.userOfClaims(claims);
    if (!user) throw unauthenticated();
    return user;
  }
}
