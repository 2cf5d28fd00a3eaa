import type { ChatMessage } from '../../domain/appeals/appeal';
import type { Sql } from '../db/database';
import { feedRepository } from '../feed/feedRepository';
import type { AppealRepository } from './appealRepository';

/**
 * The one write path of a chat line, from the citizen, the staff routes or a console's push: the line and
 * its change-feed entry in the caller's transaction, which holds the feed's lock, so consoles pull every
 * line exactly once.
 */
export async function addChatLine(
  tx: Sql,
  appeals: AppealRepository,
  line: {
    id: string;
    appeal: { id: string; departmentId: string | null };
    from: 'citizen' | 'staff';
    accountId: string | null;
    text: string;
  },
): Promise<{ message: ChatMessage; seq: number }> {
  const message = await appeals.addChat(tx, {
    id: line.id,
    appealId: line.appeal.id,
    from: line.from,
    accountId: line.accountId,
    text: line.text,
  });
  const [seq] = await feedRepository.append(tx, [
    { entity: 'chat', message, departmentId: line.appeal.departmentId, ownerId: line.accountId },
  ]);
  if (seq === undefined) throw new Error('the change feed returned no position');
  return { message, seq };
}
