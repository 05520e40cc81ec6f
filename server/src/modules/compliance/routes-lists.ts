import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  bookBody,
  bookList,
  bookParams,
  bookView,
  eventParams,
  insideInformationBody,
  insideInformationList,
  insideInformationView,
  insidersBody,
  partyBody,
  partyList,
  partyParams,
  partyView,
  restrictedBody,
  restrictedList,
  restrictedParams,
  restrictedView,
  sanctionsImportBody,
  sanctionsImported,
  sanctionsList,
} from './schemas.js';
import type { ListService } from './service-lists.js';

const tags = ['compliance'];
const read = { access: 'compliance:read' };
const write = { access: 'compliance:write' };

/** The lists the rules read, kept by compliance officers. */
export function registerComplianceListRoutes(app: FastifyInstance, lists: ListService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const by = (request: { principal?: { username: string } | undefined }) =>
    request.principal!.username;

  r.get(
    '/api/v1/compliance/restricted',
    {
      config: read,
      schema: { tags, summary: 'The restricted list', response: { 200: restrictedList } },
    },
    async () => lists.restricted(),
  );
  r.post(
    '/api/v1/compliance/restricted',
    {
      config: write,
      schema: {
        tags,
        summary: 'Puts a product on the restricted list',
        body: restrictedBody,
        response: { 201: restrictedView },
      },
    },
    async (request, reply) => reply.code(201).send(await lists.restrict(by(request), request.body)),
  );
  r.delete(
    '/api/v1/compliance/restricted/:instrumentId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Takes a product off the restricted list',
        params: restrictedParams,
      },
    },
    async (request, reply) => {
      await lists.unrestrict(request.params.instrumentId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/compliance/sanctions',
    {
      config: read,
      schema: { tags, summary: 'The sanctioned parties list', response: { 200: sanctionsList } },
    },
    async () => lists.sanctions(),
  );
  r.post(
    '/api/v1/compliance/sanctions/import',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Replaces the sanctions list from CSV (name, programme, country, listed_on); any bad row imports nothing',
        body: sanctionsImportBody,
        response: { 200: sanctionsImported },
      },
    },
    async (request) => lists.importSanctions(by(request), request.body.csv),
  );

  r.get(
    '/api/v1/compliance/books',
    {
      config: read,
      schema: {
        tags,
        summary: 'The legal entity, country and Shariah flag of each book',
        response: { 200: bookList },
      },
    },
    async () => lists.books(),
  );
  r.put(
    '/api/v1/compliance/books/:account',
    {
      config: write,
      schema: {
        tags,
        summary: "Sets a book's legal entity, country and Shariah flag",
        params: bookParams,
        body: bookBody,
        response: { 200: bookView },
      },
    },
    async (request) => lists.setBook(by(request), request.params.account, request.body),
  );

  r.get(
    '/api/v1/compliance/parties',
    {
      config: read,
      schema: { tags, summary: 'Counterparties and their countries', response: { 200: partyList } },
    },
    async () => lists.parties(),
  );
  r.put(
    '/api/v1/compliance/parties/:name',
    {
      config: write,
      schema: {
        tags,
        summary: "Sets a counterparty's country",
        params: partyParams,
        body: partyBody,
        response: { 200: partyView },
      },
    },
    async (request) => lists.setParty(by(request), request.params.name, request.body.country),
  );

  r.get(
    '/api/v1/compliance/inside-information',
    {
      config: read,
      schema: {
        tags,
        summary: 'Inside-information events with their insider lists',
        response: { 200: insideInformationList },
      },
    },
    async () => lists.insideInformation(),
  );
  r.post(
    '/api/v1/compliance/inside-information',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Registers unpublished inside information and its insiders: they may not trade the products until it is published',
        body: insideInformationBody,
        response: { 201: insideInformationView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await lists.registerInsideInformation(by(request), request.body)),
  );
  r.post(
    '/api/v1/compliance/inside-information/:id/insiders',
    {
      config: write,
      schema: {
        tags,
        summary: 'Adds people to the insider list of an unpublished event',
        params: eventParams,
        body: insidersBody,
      },
    },
    async (request, reply) => {
      await lists.addInsiders(by(request), request.params.id, request.body.accounts);
      return reply.code(204).send();
    },
  );
  r.post(
    '/api/v1/compliance/inside-information/:id/publish',
    {
      config: write,
      schema: {
        tags,
        summary: 'Records the publication of the information, which lifts its embargo',
        params: eventParams,
      },
    },
    async (request, reply) => {
      await lists.publish(by(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
