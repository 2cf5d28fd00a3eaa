import { z } from 'zod';

/** The roles of §6, §10, §13, §19–28; see docs/instruction.md. */
export const ROLES = ['operator', 'inspector', 'duty', 'supervisor', 'head', 'employee', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
