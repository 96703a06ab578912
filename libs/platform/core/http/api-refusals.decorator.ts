import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** The body of every error answer. */
export class ErrorResponseDto {
  @ApiProperty({ example: 409 })
  statusCode: number;

  @ApiProperty({ example: 'Conflict' })
  error: string;

  @ApiProperty({ description: 'What went wrong, in words that say what to fix', example: 'Udvalg for lighed i sundhed already has a chair from 2024-01-01 to 2025-12-31' })
  message: string;

  @ApiProperty({ description: 'Stable, machine-readable', example: 'role_already_held' })
  code: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;
}

type RefusalStatus = 400 | 403 | 404 | 409 | 422;

/** Documents an endpoint's refusals, each with when it happens; 401 (no or bad token) applies to all of them. */
export function ApiRefusals(refusals: Partial<Record<RefusalStatus, string>>) {
  const documented = { 401: 'no token, or a bad or expired one', ...refusals };
  return applyDecorators(...Object.entries(documented).map(([status, description]) => ApiResponse({ status: Number(status), description, type: ErrorResponseDto })));
}
