/*
 * JSONPath-mode Choice states: rule evaluation with every ASL comparison operator, and the choice
 * of the next state. (JSONata-mode `Condition` rules are evaluated by the JSONata module.)
 */
export { evaluateChoiceRule } from './evaluateChoiceRule';
export { matchChoice, selectChoice } from './selectChoice';
export type { ChoiceOutcome, ChoiceStateRules } from './selectChoice';
export { invalidConditionPath, noChoiceMatched, NO_CHOICE_MATCHED_CAUSE } from './causes';
export { compareInstants, parseTimestamp } from './timestamp';
export type { Instant } from './timestamp';
export { stringMatches } from './stringMatches';
