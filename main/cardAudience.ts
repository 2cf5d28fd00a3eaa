import { z } from 'zod';
import { CardIdSchema } from '../domain/cards/card';
import type { CardViewer } from '../domain/cards/cardVisibility';
import type { ConsoleEvent } from '../domain/contract/ipc';
import { type Role, scopeOf } from '../domain/session/roles';
import type { SessionService } from './session/session';
import type { CardRepository } from './store/cards';
import type { ReferenceData } from './store/referenceData';

/** Who the console shows cards to right now, and whether an event about a card may reach the screen. */
export interface CardAudience {
  /** The signed-in account; null while nobody is signed in to a console that syncs (no card is shown). */
  viewer(): CardViewer | null;
  /** Whether the event may reach the renderer: an event about a card (or its chat) only if the viewer may see the card. */
  mayShow(event: ConsoleEvent, payload: unknown): boolean;
}

/** The card an event is about, read without trusting the event's type parameter. */
const AboutCard = z.object({ card: z.object({ id: CardIdSchema }) });
/** An event that names its card by id (its files, or that it left). */
const AboutCardFiles = z.object({ cardId: CardIdSchema });
const AboutChat = z.object({ appealId: z.string() });

/**
 * The viewer is the signed-in account, with its scope from the departments kept offline (the same tree
 * central uses). A console without central has no accounts: its configured role sees every card kept here.
 */
export function createCardAudience(deps: {
  session: SessionService | null;
  configuredRole: Role;
  referenceData: ReferenceData;
  cards: CardRepository;
}): CardAudience {
  const viewer = (): CardViewer | null => {
    if (!deps.session)
      return { login: null, role: deps.configuredRole, scope: { national: true, departmentIds: new Set() } };
    const account = deps.session.current();
    if (!account) return null;
    const scope = scopeOf(account.departmentId, deps.referenceData.departments().departments);
    return { login: account.login, role: account.role, scope };
  };
  const sees = (cardId: string) => {
    const v = viewer();
    return v !== null && deps.cards.visible(v, cardId) !== undefined;
  };
  return {
    viewer,
    mayShow(event, payload) {
      switch (event) {
        case 'cards.changed': {
          const about = AboutCard.safeParse(payload);
          return about.success && sees(about.data.card.id);
        }
        // Only to an account that no longer sees the card: one that still does has its `cards.changed`.
        case 'cards.left': {
          const about = AboutCardFiles.safeParse(payload);
          return about.success && !sees(about.data.cardId);
        }
        case 'cards.filesChanged': {
          const about = AboutCardFiles.safeParse(payload);
          return about.success && sees(about.data.cardId);
        }
        case 'chat.changed': {
          const about = AboutChat.safeParse(payload);
          const v = viewer();
          return about.success && v !== null && deps.cards.seesAppeal(v, about.data.appealId);
        }
        default:
          return true;
      }
    },
  };
}
