import type { EventBus } from '../bus/bus';
import type { InboxRepository } from './inboxRepository';

/**
 * A claim lives as long as its console: when an operator's last socket goes away (presence `offline`, on any
 * instance), every appeal they held is free again and the other consoles are told so.
 */
export function releaseClaimsWhenConsolesLeave(bus: EventBus, inbox: InboxRepository): () => void {
  return bus.subscribe((event) => {
    if (event.kind !== 'presence' || event.status !== 'offline') return;
    void inbox
      .releaseAll(event.accountId)
      .then((freed) =>
        Promise.all(
          freed.map((f) =>
            bus.publish({
              kind: 'inbox.claim',
              departmentId: f.departmentId,
              appealId: f.appealId,
              claimedBy: null,
            }),
          ),
        ),
      )
      .catch(() => undefined);
  });
}
