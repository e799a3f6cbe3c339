import { z } from 'zod';

/** Environments (API.md section 5): named sets of variables that `${VAR}` references resolve from. */

export const MAX_ENVIRONMENTS = 50;
export const MAX_VARIABLES_PER_ENVIRONMENT = 500;
export const MAX_VARIABLE_VALUE_LENGTH = 65_536;

export const environmentNameSchema = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1..64 letters, digits, ".", "_" or "-", starting with a letter or digit');

export const variableNameSchema = z
  .string({ error: 'must be a string' })
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a variable name: letters, digits and "_", not starting with a digit');

export const variableValueSchema = z.string({ error: 'must be a string' }).max(MAX_VARIABLE_VALUE_LENGTH, 'must be at most 64 KiB');

const variablesSchema = z
  .record(variableNameSchema, variableValueSchema)
  .refine((vars) => Object.keys(vars).length <= MAX_VARIABLES_PER_ENVIRONMENT, `must hold at most ${MAX_VARIABLES_PER_ENVIRONMENT} variables`);

export const environmentsMapSchema = z
  .record(environmentNameSchema, variablesSchema)
  .refine((envs) => Object.keys(envs).length <= MAX_ENVIRONMENTS, `must hold at most ${MAX_ENVIRONMENTS} environments`);

/**
 * Body of `PUT /api/v1/environments`: every environment (the set is replaced) and the active one.
 * Values read back masked may be sent back as they are: the stored value is kept. `renamed`
 * (`{NEW: OLD}`) says where a renamed environment's masked values come from.
 */
export const environmentsPutSchema = z
  .object({
    environments: environmentsMapSchema,
    active: environmentNameSchema.nullable(),
    renamed: z.record(environmentNameSchema, environmentNameSchema).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.active !== null && !Object.hasOwn(body.environments, body.active)) {
      ctx.addIssue({ code: 'custom', path: ['active'], message: `must be null or the name of one of the environments ("${body.active}" is not one)` });
    }
  });
export type EnvironmentsPut = z.input<typeof environmentsPutSchema>;

/** Body of `PUT /api/v1/environments/active`: switch without sending the variables. */
export const activeEnvironmentPutSchema = z.object({ active: environmentNameSchema.nullable() }).strict();

/** What `GET` and `PUT /api/v1/environments` answer: every value masked (see `maskVariable`). */
export const environmentsSchema = z.object({
  environments: z.record(z.string(), z.record(z.string(), z.string())),
  active: z.string().nullable(),
});
export type Environments = z.infer<typeof environmentsSchema>;
