import { PathScope } from '../jsonpath';
import { invalidChoiceRule, noChoiceMatched } from './causes';
import * as evaluateChoiceRuleModule from './evaluateChoiceRule';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { evaluateChoiceRule } = evaluateChoiceRuleModule;

/** The fields of a JSONPath-mode Choice state that decide where it goes. */
export interface ChoiceStateRules {
  readonly Choices?: readonly unknown[];
  readonly Default?: string;
}

/** Which way a Choice state went. */
export interface ChoiceOutcome {
  /** The state to run next. */
  readonly next: string;
  /** The index in `Choices` of the rule that matched; `undefined` when the Default was taken. */
  readonly ruleIndex: number | undefined;
}

/**
 * Picks where a JSONPath-mode Choice state goes: the Next of the first rule that holds, in order,
 * else the Default.
 *
 * @example selectChoice({ Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Yes' }], Default: 'No' }, scope)
 *   // 'Yes' when the input's ok is true
 * @throws StatesError States.NoChoiceMatched when no rule holds and there is no Default; the
 *   errors of {@link evaluateChoiceRule} otherwise.
 */
export function selectChoice(state: ChoiceStateRules, scope: PathScope): string {
  return matchChoice(state, scope).next;
}

/**
 * Like {@link selectChoice}, and also tells which rule matched (for the rule's own Assign).
 *
 * @example matchChoice(state, scope) // { next: 'Yes', ruleIndex: 0 }
 */
export function matchChoice(state: ChoiceStateRules, scope: PathScope): ChoiceOutcome {
  const choices = state.Choices ?? [];
  for (let i = 0; i < choices.length; i += 1) {
    const rule = choices[i];
    if (evaluateChoiceRule(rule, scope)) {
      const next = (rule as Record<string, unknown>).Next;
      if (typeof next !== 'string') throw invalidChoiceRule(rule);
      return { next, ruleIndex: i };
    }
  }
  if (state.Default !== undefined) return { next: state.Default, ruleIndex: undefined };
  throw noChoiceMatched();
}
