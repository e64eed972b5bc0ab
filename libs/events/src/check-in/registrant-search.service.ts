import { Injectable } from '@nestjs/common';
import { badInput, type ConnectionShape, decodeCursor, isUuid, lazy, mapNodes, notFound, toConnection } from '../../../core/src/index.js';
import { RegistrationEntity } from '../entities/registration.entity.js';
import { EventsRepository } from '../events.repository.js';
import { RegistrantContacts } from '../registrant-contacts.js';
import { RegistrationsRepository } from '../registrations.repository.js';

/** At most this many results a page: the door screen shows a short list and asks for more words. */
export const NAME_SEARCH_MAX_PAGE = 20;
/** Words of a name search: the first few, each cut short; the caller has validated the text. */
const MAX_WORDS = 5;

export const searchWords = (name: string): string[] =>
  name.trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).map((w) => w.slice(0, 50));

/**
 * The door's "find by name": an event's registrants whose name holds every word, by name. Names
 * belong to accounts: the event's registrants are listed here, their names matched there (no join
 * to its tables), then each person's registration (live, else latest) is read here.
 */
@Injectable()
export class RegistrantSearchService {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly contacts: RegistrantContacts,
  ) {}

  async byName(eventId: string, name: string, args: { first?: number; after?: string }): Promise<ConnectionShape<RegistrationEntity>> {
    const words = searchWords(name);
    if (!words.length) throw badInput('name', 'must not be empty');
    const first = Math.min(args.first ?? NAME_SEARCH_MAX_PAGE, NAME_SEARCH_MAX_PAGE);
    const after = decodeCursor(args.after, 2);
    if (after && (typeof after[0] !== 'string' || !isUuid(after[1]))) throw badInput('after', 'is not a cursor this list gave out');
    if (!(await this.events.findById(eventId))) throw notFound('Event');

    const userIds = await this.registrations.userIdsOfEvent(eventId);
    const matches = await this.contacts.matchingNames(userIds, words, first + 1, after as [string, string] | undefined);
    const registrations = await this.registrations.forEventByUserIds(eventId, matches.map((m) => m.id));
    const rows = matches.flatMap((match, i) => {
      const registration = registrations[i];
      return registration ? [{ match, registration }] : [];
    });
    const page = toConnection(rows, first, (row) => [row.match.sortName, row.match.id], lazy(() => this.contacts.countMatchingNames(userIds, words)));
    return mapNodes(page, (node) => node.registration);
  }
}
