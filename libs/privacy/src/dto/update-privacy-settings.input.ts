import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { ConnectionsVisibility } from '../models/connections-visibility.enum.js';

@InputType({ description: 'Privacy settings to change; an omitted field keeps its current value.' })
export class UpdatePrivacySettingsInput {
  @Field(() => ConnectionsVisibility, { nullable: true, description: 'Who may see your connections.' })
  @IsOptional()
  @IsEnum(ConnectionsVisibility)
  connectionsVisibility?: ConnectionsVisibility | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether you may be named in others’ network searches.' })
  @IsOptional()
  @IsBoolean()
  appearInNetworkSearches?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether buyers’ inquiries to the suppliers you work for reach you (notifications, claiming).',
  })
  @IsOptional()
  @IsBoolean()
  acceptInquiries?: boolean | null;
}
