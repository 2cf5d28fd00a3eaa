import { z } from 'zod';
import { storableText } from '../contract/text';

/** Where a setting's value came from, lowest priority first (main/config/layers.ts). */
export const ConfigSourceSchema = z.enum(['default', 'machine', 'user', 'environment', 'policy']);
export type ConfigSource = z.infer<typeof ConfigSourceSchema>;

/** One setting as it is in force; the value as JSON text, credentials masked. */
export const ConfigValueSchema = z.object({
  field: storableText(),
  value: storableText(),
  source: ConfigSourceSchema,
});

/** A bad value a layer had, ignored: where, which field, and why (a zod issue code or not_json/unreadable). */
export const IgnoredConfigValueSchema = z.object({
  source: ConfigSourceSchema.exclude(['default']),
  location: storableText(),
  field: storableText(),
  reason: storableText(),
  values: z.array(storableText()),
});
export type IgnoredConfigValue = z.infer<typeof IgnoredConfigValueSchema>;

/** What the About and diagnostics screen shows IT. */
export const AboutSchema = z.object({
  version: storableText(),
  runtime: z.enum(['electron', 'host']),
  dataDir: storableText(),
  logDir: storableText(),
  locations: z.object({ policy: storableText(), machine: storableText().nullable(), user: storableText() }),
  values: z.array(ConfigValueSchema),
  ignored: z.array(IgnoredConfigValueSchema),
});
export type About = z.infer<typeof AboutSchema>;

/** A written diagnostics bundle: where, how big, what it holds. */
export const DiagnosticsBundleSchema = z.object({
  file: storableText(),
  bytes: z.number().int().nonnegative(),
  entries: z.array(storableText()),
});
export type DiagnosticsBundle = z.infer<typeof DiagnosticsBundleSchema>;

/** A line the screens log through main (they have no log of their own); main redacts it like its own. */
export const RendererLogSchema = z
  .object({
    level: z.enum(['info', 'warn', 'error']),
    event: storableText().max(200),
    detail: storableText().max(2000).optional(),
  })
  .strict();
