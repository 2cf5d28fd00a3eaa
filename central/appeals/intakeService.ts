import { v7 as uuidv7 } from 'uuid';
import type {
  AppealIntake,
  AppealPublicView,
  AppealReceipt,
  AppealStaffView,
  ChatMessage,
} from '../../domain/appeals/appeal';
import type { Database } from '../db/database';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import { feedRepository } from '../feed/feedRepository';
import type { TerritoryService } from '../territories/territoryService';
import { HttpProblem } from '../http/problem';
import type { EventBus } from '../bus/bus';
import type { AppealRepository } from './appealRepository';
import { addChatLine } from './chatLines';
import { checkCitizenToken, newCitizenToken } from './citizenToken';
import { createIntakeBatcher } from './intakeBatcher';
import { refusal } from '../../domain/contract/refusal';

export function toPublicView(a: AppealStaffView): AppealPublicView {
  return {
    id: a.id,
    number: a.number,
    kind: a.kind,
    status: a.status,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    attachments: a.attachments,
  };
}

/** Registers appeals from every channel, routes them by territory (§8) and tells the operators at once. */
export function createIntakeService(deps: {
  db: Database;
  appeals: AppealRepository;
  departments: DepartmentDirectory;
  territories: TerritoryService;
  bus: EventBus;
}) {
  const { db, appeals, departments, territories, bus } = deps;
  const batcher = createIntakeBatcher(appeals);

  async function appealForCitizen(id: string, token: string | undefined): Promise<AppealStaffView> {
    const found = await appeals.byId(id);
    if (!found)
      throw new HttpProblem(404, refusal('appeal.notFound'), 'no such appeal, or wrong citizen token');
    checkCitizenToken(token, found.citizenTokenHash);
    return found.appeal;
  }

  return {
    async register(intake: AppealIntake): Promise<AppealReceipt> {
      const chosen = intake.chosenDepartmentId ?? null;
      if (chosen !== null && !departments.get(chosen))
        throw new HttpProblem(
          400,
          refusal('department.unknown', { departmentId: chosen }),
          `unknown department ${chosen}`,
        );
      const routing = territories.route(intake.location ?? null, chosen);
      const { token, hash } = newCitizenToken();
      const appeal = await batcher.insert({ id: uuidv7(), intake, routing, citizenTokenHash: hash });
      await bus.publish({ kind: 'appeal.new', departmentId: appeal.departmentId, appeal });
      return {
        id: appeal.id,
        number: appeal.number,
        status: appeal.status,
        citizenToken: token,
        departmentId: appeal.departmentId,
      };
    },

    appealForCitizen,

    async citizenChat(id: string, token: string | undefined): Promise<ChatMessage[]> {
      await appealForCitizen(id, token);
      return appeals.chat(id);
    },

    async postChat(
      appeal: AppealStaffView,
      from: 'citizen' | 'staff',
      accountId: string | null,
      text: string,
    ): Promise<ChatMessage> {
      const { message } = await db.transaction(async (tx) => {
        await feedRepository.lock(tx);
        return addChatLine(tx, appeals, { id: uuidv7(), appeal, from, accountId, text });
      });
      await bus.publish({ kind: 'chat.message', departmentId: appeal.departmentId, message });
      return message;
    },
  };
}
export type IntakeService = ReturnType<typeof createIntakeService>;
