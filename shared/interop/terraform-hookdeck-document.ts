import { findVariables } from '../env/resolve-variables';
import { hclString, Interpolated, splitVariables, terraformVariableName, UniqueNames, VarRef, type HclValue } from './terraform-hookdeck-hcl';

/**
 * The Terraform file for Hookdeck as it is being written (terraform-hookdeck.ts): the variables it
 * declares, the notes on what did not map, the resource blocks in the order they are written, and the
 * labels and names taken so far (unique per resource type). The writers (`-sources.ts`,
 * `-destinations.ts`, `-connections.ts`) add to it; terraform-hookdeck.ts renders it.
 */

export interface TerraformNote {
  /** `connector "orders"` or `webhook "erp"`. */
  subject: string;
  text: string;
}

/** A resource block and the comment lines written above it. */
export interface TerraformBlock {
  comments: string[];
  text: string;
}

export interface TerraformVariable {
  sensitive: boolean;
  description: string;
}

/** One resource block: `resource "type" "label" { attributes }`, attributes in the given order. */
export function resourceBlock(type: string, label: string, attributes: ReadonlyArray<[string, string]>, extra = ''): string {
  const width = Math.max(...attributes.map(([name]) => name.length));
  const lines = attributes.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`);
  return `resource ${hclString(type)} ${hclString(label)} {\n${lines.join('\n')}\n${extra}}`;
}

export class TerraformDocument {
  /** By Terraform name, in the order first used. */
  readonly variables = new Map<string, TerraformVariable>();
  readonly notes: TerraformNote[] = [];
  readonly blocks: TerraformBlock[] = [];
  readonly sourceLabels = new UniqueNames('_');
  readonly sourceNames = new UniqueNames('-');
  readonly destinationLabels = new UniqueNames('_');
  readonly destinationNames = new UniqueNames('-');
  readonly connectionLabels = new UniqueNames('_');
  readonly connectionNames = new UniqueNames('-');
  readonly transformationLabels = new UniqueNames('_');
  readonly transformationNames = new UniqueNames('-');

  private useVariable(hookdeskName: string, sensitive: boolean, description: string): VarRef {
    const name = terraformVariableName(hookdeskName);
    const known = this.variables.get(name);
    this.variables.set(name, { sensitive: sensitive || (known?.sensitive ?? false), description: known?.description ?? description });
    return new VarRef(name);
  }

  /** Hookdesk text (may hold `${VAR}`) as an HCL value; each variable becomes a Terraform variable. */
  text(value: string, sensitive = false): HclValue {
    const pieces = splitVariables(value);
    if (pieces.every((piece) => typeof piece === 'string')) return pieces.join('');
    return new Interpolated(
      pieces.map((piece) => (typeof piece === 'string' ? piece : this.useVariable(piece.variable, sensitive, `Hookdesk variable ${piece.variable}`))),
    );
  }

  /** A secret: its `${VAR}` references as they are, or (a secret in clear) a variable named `fallback`: the value itself is never written. */
  secret(value: string, fallback: string, description: string): HclValue {
    if (findVariables(value).length > 0) return this.text(value, true);
    return this.useVariable(fallback, true, description);
  }

  /** Records what did not map (once per subject and text) and adds its `Not mapped:` line to `into`. */
  note(subject: string, text: string, into: string[]): void {
    if (!this.notes.some((n) => n.subject === subject && n.text === text)) this.notes.push({ subject, text });
    into.push(`Not mapped: ${text}`);
  }

  add(block: TerraformBlock): void {
    this.blocks.push(block);
  }
}
