import { buildModel, type Definition } from './model';
import type { ParsedDefinition } from './parser';
import { SymbolTable } from './symbolTable';

/**
 * What the editing features need about one parse: the model and its symbol table. The language
 * service computes it once per parse and shares it between validation and every request.
 */
export interface Analysis {
  readonly parsed: ParsedDefinition;
  readonly model: Definition;
  readonly symbols: SymbolTable;
}

const emptyModel: Definition = { span: { start: 0, end: 0 }, sharedDisks: [], virtualMachines: [] };

export function analyze(parsed: ParsedDefinition): Analysis {
  const model = parsed.yaml && !parsed.refused ? buildModel(parsed.yaml) : emptyModel;
  let symbols: SymbolTable | undefined;
  return {
    parsed,
    model,
    // Built on first use: validation and the workspace index need only the model.
    get symbols() {
      return (symbols ??= new SymbolTable(model, parsed.text));
    },
  };
}
