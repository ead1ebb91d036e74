import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/**
 * Keyset cursors hold the sort key of their edge, e.g. an organization name of up to 200 characters
 * (up to 6 bytes each once JSON-escaped, then base64url): this bound fits the longest one.
 */
export const MAX_CURSOR_LENGTH = 2048;

/** `first` / `after` arguments of every paginated list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: `How many items to return, 1 to ${MAX_PAGE_SIZE}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Return the items after the edge with this cursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  after?: string | null;
}
