import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorKind, type FieldIssue } from '../errors.js';

/** RFC 9457 problem details, with a stable `code` clients can switch on. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: FieldIssue[];
  [extra: string]: unknown;
}

const STATUS_OF: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  more: Partial<Problem> = {},
): FastifyReply {
  const problem: Problem = {
    type: `/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
    ...more,
  };
  return reply.status(status).type('application/problem+json').send(problem);
}

/** `body.qty` style names for the fields a client sent. */
function fieldName(path: readonly string[], location: string): string {
  const tail = path.join('.');
  return tail.length > 0 ? tail : location;
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const status = STATUS_OF[error.kind];
      return sendProblem(request, reply, status, error.code, error.message, {
        ...(error.fieldIssues.length > 0 ? { errors: error.fieldIssues } : {}),
        ...error.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = error.validationContext ?? 'body';
      const errors: FieldIssue[] = error.validation.map((v) => ({
        field: fieldName(v.instancePath.split('/').filter(Boolean), location),
        rule: v.keyword,
        message: v.message ?? v.keyword,
      }));
      const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return sendProblem(
        request,
        reply,
        400,
        'validation_failed',
        `Invalid ${location}: ${summary}`,
        {
          errors,
        },
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = (error.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
      // The body parser's refusals (malformed JSON, a __proto__ key, a wrong media type) are about the body.
      const aboutBody = error.code?.startsWith('FST_ERR_CTP_') === true;
      return sendProblem(request, reply, status, code, error.message, {
        ...(aboutBody ? { errors: [{ field: 'body', rule: code, message: error.message }] } : {}),
      });
    }
    // Internals stay in the log, keyed by the request id the client also sees.
    request.log.error({ err: error }, 'request failed');
    return sendProblem(
      request,
      reply,
      500,
      'internal_error',
      'The server could not complete the request. Quote the request id when reporting it.',
    );
  });
}

export function routeNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const route = `${request.method} ${request.url.split('?')[0]}`;
  return sendProblem(request, reply, 404, 'route_not_found', `No route ${route}`);
}

/**
 * The router's own refusals (a path segment that is not valid percent-encoding, or one
 * longer than a parameter may be) answered as problem+json naming the path, like every
 * other refusal; Fastify would otherwise write its own JSON before any hook runs.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.header('x-request-id', request.id);
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const message = tooLong
    ? 'A path parameter is longer than any id the API uses'
    : 'The path is not valid percent-encoded text';
  void sendProblem(
    request,
    reply,
    tooLong ? 414 : 400,
    tooLong ? 'path_parameter_too_long' : 'bad_url',
    message,
    {
      errors: [{ field: 'params', rule: tooLong ? 'max_length' : 'url_encoding', message }],
    },
  );
}
