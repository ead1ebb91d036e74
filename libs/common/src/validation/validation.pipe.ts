import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { badInput } from '../errors/domain-error.js';
import { malformedTextPath } from './malformed-text.js';

// GraphQL arguments arrive with Nest GraphQL's numeric param type 3 (ARGS); HTTP input with these names.
// Parents, context values and custom decorators (loaders, the current user) are never validated.
const VALIDATED_PARAM_TYPES = new Set(['3', 'body', 'query', 'param']);

/**
 * Validates GraphQL arguments against their class-validator rules and reports the first
 * failure as BAD_USER_INPUT with the dotted path of the field at fault (e.g. `input.email`).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (!VALIDATED_PARAM_TYPES.has(String(metadata.type))) return value;
    if (!type || !isValidatable(type) || value === null || value === undefined || typeof value !== 'object') {
      return value;
    }
    const malformed = malformedTextPath(value);
    if (malformed !== undefined) {
      const field = [metadata.data, malformed].filter(Boolean).join('.');
      throw badInput(
        field,
        `${malformed.split('.').pop()} must be well-formed text (it holds a lone UTF-16 surrogate)`,
      );
    }
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
    if (errors.length > 0) {
      const { path, message } = firstFailure(errors[0]);
      const field = [metadata.data, path].filter(Boolean).join('.');
      throw badInput(field, message);
    }
    return instance;
  }
}

function isValidatable(type: unknown): type is new () => object {
  return typeof type === 'function' && ![String, Boolean, Number, Array, Object].includes(type as never);
}

function firstFailure(error: ValidationError, prefix = ''): { path: string; message: string } {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const constraints = Object.values(error.constraints ?? {});
  if (constraints.length > 0) return { path, message: constraints[0] };
  const child = error.children?.[0];
  return child ? firstFailure(child, path) : { path, message: `${path} is not valid.` };
}
