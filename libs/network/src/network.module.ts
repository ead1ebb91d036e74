import { Module } from '@nestjs/common';
import { NotificationsModule } from '#tradegraph/notifications';
import { PeopleModule } from '#tradegraph/people';
import { ConnectionPathResolver } from './connection-path.resolver.js';
import { ConnectionRequestsResolver } from './connection-requests.resolver.js';
import { NetworkRepository } from './network.repository.js';
import { NetworkResolver } from './network.resolver.js';
import { NetworkService } from './network.service.js';
import { PersonNetworkResolver } from './person-network.resolver.js';

@Module({
  imports: [PeopleModule, NotificationsModule],
  providers: [
    NetworkRepository,
    NetworkService,
    NetworkResolver,
    ConnectionRequestsResolver,
    ConnectionPathResolver,
    PersonNetworkResolver,
  ],
  exports: [NetworkService],
})
export class NetworkModule {}
